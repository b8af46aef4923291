package org.hackablemail.spam;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.apache.lucene.store.AlreadyClosedException;
import org.hackablemail.bayes.store.Baseline;
import org.hackablemail.bayes.store.BayesStore;
import org.hackablemail.bayes.store.ChangeCursor;
import org.hackablemail.bayes.store.Changes;
import org.hackablemail.bayes.store.EntryWrite;
import org.hackablemail.bayes.store.Scope;
import org.hackablemail.bayes.store.TrainingEntry;
import org.hackablemail.bayes.store.TrainingKey;
import org.hackablemail.core.store.StorageUnavailableException;

/**
 * The single-node Bayes store as the bundle's callers expect every store to fail: its disk errors become
 * {@link StorageUnavailableException}, which routes answer with a 503 and the mail path treats as an outage.
 */
public final class StorageOutages implements BayesStore {
    private final BayesStore delegate;

    public StorageOutages(BayesStore delegate) {
        this.delegate = delegate;
    }

    private static <T> T guarded(String action, Supplier<T> call) {
        try {
            return call.get();
        } catch (UncheckedIOException e) {
            throw new StorageUnavailableException("Cannot " + action + " the Bayes store", e.getCause());
        } catch (AlreadyClosedException e) {
            throw new StorageUnavailableException("Cannot " + action + " the Bayes store: it is closed", e);
        }
    }

    @Override
    public Optional<TrainingEntry> entry(TrainingKey key) {
        return guarded("read", () -> delegate.entry(key));
    }

    @Override
    public Optional<TrainingEntry> write(EntryWrite write) {
        return guarded("write to", () -> delegate.write(write));
    }

    @Override
    public List<Optional<TrainingEntry>> writeAll(List<EntryWrite> writes) {
        return guarded("write to", () -> delegate.writeAll(writes));
    }

    @Override
    public void forEachEntry(Optional<Scope> scope, Consumer<TrainingEntry> consumer) {
        guarded("read", () -> {
            delegate.forEachEntry(scope, consumer);
            return null;
        });
    }

    @Override
    public ChangeCursor cursor() {
        return guarded("read", delegate::cursor);
    }

    @Override
    public Changes changesSince(ChangeCursor cursor, int limit) {
        return guarded("read", () -> delegate.changesSince(cursor, limit));
    }

    @Override
    public Baseline baseline() {
        return guarded("read", delegate::baseline);
    }

    @Override
    public void reset(Baseline baseline) {
        guarded("reset", () -> {
            delegate.reset(baseline);
            return null;
        });
    }

    @Override
    public long sizeInBytes() {
        return delegate.sizeInBytes();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
