package org.hackablemail.bayes;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.hackablemail.bayes.classify.ChiSquareClassifier;
import org.hackablemail.bayes.classify.Classification;
import org.hackablemail.bayes.model.BayesModel;
import org.hackablemail.bayes.model.CountTable;
import org.hackablemail.bayes.model.ModelStatistics;
import org.hackablemail.bayes.store.BayesStore;
import org.hackablemail.bayes.store.Baseline;
import org.hackablemail.bayes.store.EntryState;
import org.hackablemail.bayes.store.EntryWrite;
import org.hackablemail.bayes.store.ExportFormat;
import org.hackablemail.bayes.store.LuceneBayesStore;
import org.hackablemail.bayes.store.Scope;
import org.hackablemail.bayes.store.Source;
import org.hackablemail.bayes.store.Teaching;
import org.hackablemail.bayes.store.TrainingEntry;
import org.hackablemail.bayes.store.TrainingKey;
import org.hackablemail.bayes.tokenize.MessageTokenizer;
import org.hackablemail.mime.MessageSnapshot;

/**
 * The filter as its users see it: raw messages in, verdicts out (shared, or per recipient over their personal layer),
 * trainable message by message while classifying. One instance per store, shared by all threads. Every training is
 * written to the {@link BayesStore} first and then folded into the in-memory {@link BayesModel}, which is all that
 * classification reads.
 */
public final class BayesianFilter implements AutoCloseable {
    private final MessageTokenizer tokenizer;
    private final ChiSquareClassifier classifier;
    private final BayesStore store;
    private final BayesModel model;
    private final FilterSettings settings;

    public BayesianFilter(BayesStore store, FilterSettings settings) {
        this.tokenizer = new MessageTokenizer(settings.tokenizing());
        this.classifier = new ChiSquareClassifier(settings.classifying());
        this.store = store;
        this.settings = settings;
        this.model = new BayesModel(store, settings.layers());
    }

    /** The single-node filter on a Lucene store in {@code directory}. */
    public static BayesianFilter open(Path directory, FilterSettings settings) {
        LuceneBayesStore store = LuceneBayesStore.open(directory);
        try {
            return new BayesianFilter(store, settings);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    public FilterSettings settings() {
        return settings;
    }

    /** The distinct tokens of a message; never throws on bad MIME. */
    public Set<String> tokenize(byte[] message) {
        return tokenizer.tokenize(message);
    }

    /** The distinct tokens of a message already read: the snapshot a mail server takes once for all its readers. */
    public Set<String> tokenize(MessageSnapshot message) {
        return tokenizer.tokenize(message);
    }

    /** The shared verdict. Lock-free. */
    public Classification classify(byte[] message) {
        return classify(tokenize(message), Optional.empty());
    }

    /** The verdict for one recipient: over their personal layer when they trained enough, else the shared one. */
    public Classification classify(Set<String> tokens, Optional<Scope> recipient) {
        Optional<CountTable> personal = recipient.filter(scope -> !scope.isShared()).flatMap(model::personal);
        return classifier.classify(tokens, model.shared(), personal.map(table -> (TokenStatistics) table),
            settings.layers().sharedStrength());
    }

    /**
     * Teaches one message; idempotent per key.
     *
     * @param message read (and tokenized) only when the store does not know the message yet
     * @return the entry as written; empty when the message already taught that
     */
    public Optional<TrainingEntry> learn(TrainingKey key, Label label, Source source, Supplier<byte[]> message) {
        return learnTokens(key, label, source, () -> tokenize(message.get()));
    }

    /**
     * As {@link #learn}, for a message already tokenized (the tokens its verdict came from): it is not read again.
     *
     * @param tokens asked for only when the store does not know the message yet
     */
    public Optional<TrainingEntry> learnTokens(TrainingKey key, Label label, Source source, Supplier<Set<String>> tokens) {
        Supplier<Teaching> teaching = () -> Teaching.of(tokens.get());
        if (!key.scope().isShared() && store.entry(key).isEmpty()) {
            Teaching lesson = teaching.get();
            makeRoom(key.scope(), lesson);
            teaching = () -> lesson;
        }
        return apply(new EntryWrite(key, EntryState.of(label), source, teaching));
    }

    /** Takes back what a message taught; empty if it taught nothing. */
    public Optional<TrainingEntry> forget(TrainingKey key, Source source) {
        return apply(new EntryWrite(key, EntryState.FORGOTTEN, source, () -> {
            throw new IllegalStateException("Forgetting never needs a teaching");
        }));
    }

    /** What the store recorded for a message. */
    public Optional<TrainingEntry> entry(TrainingKey key) {
        return store.entry(key);
    }

    /**
     * Teaches a batch of messages as one unit of the store (one commit on Lucene). Shared scope only: personal layers
     * learn message by message, so that their caps hold.
     *
     * @return the entries that changed
     */
    public List<TrainingEntry> learnAll(Scope scope, Label label, Source source, List<byte[]> messages) {
        if (!scope.isShared()) {
            List<TrainingEntry> changed = new ArrayList<>();
            for (byte[] message : messages) {
                learn(TrainingKey.content(scope, message), label, source, () -> message).ifPresent(changed::add);
            }
            return changed;
        }
        List<EntryWrite> writes = messages.stream()
            .map(message -> new EntryWrite(TrainingKey.content(scope, message), EntryState.of(label), source,
                () -> Teaching.of(tokenize(message))))
            .toList();
        List<TrainingEntry> changed = new ArrayList<>();
        for (Optional<TrainingEntry> written : store.writeAll(writes)) {
            written.ifPresent(entry -> {
                model.fold(entry);
                changed.add(entry);
            });
        }
        return changed;
    }

    /** An administrator's batch: the shared model learns the messages, keyed by their bytes. */
    public List<TrainingEntry> train(Label label, List<byte[]> messages) {
        return learnAll(Scope.SHARED, label, Source.ADMIN, messages);
    }

    public ModelStatistics statistics() {
        return model.statistics();
    }

    public long storeSizeInBytes() {
        return store.sizeInBytes();
    }

    /** The shared model's counts in the portable format of {@link ExportFormat}. */
    public void exportTo(OutputStream out) throws IOException {
        CountTable shared = model.shared();
        ExportFormat.write(shared.view(), shared.spamMessages(), shared.hamMessages(), statistics().lastTrained(), out);
    }

    /**
     * Replaces everything (every scope's entries, the baseline) with an export, which becomes the new baseline; on a
     * malformed export ({@link org.hackablemail.bayes.store.InvalidExportException}) nothing changes.
     */
    public void importFrom(InputStream in) throws IOException {
        Baseline baseline = ExportFormat.read(in);
        store.reset(baseline);
        model.rebuild();
    }

    /** Forgets everything. */
    public void reset() {
        store.reset(Baseline.EMPTY);
        model.rebuild();
    }

    /** Folds other nodes' training: to be called at the store's refresh interval. */
    public void refresh() {
        model.refresh();
    }

    public BayesModel model() {
        return model;
    }

    @Override
    public void close() {
        store.close();
    }

    private Optional<TrainingEntry> apply(EntryWrite write) {
        Optional<TrainingEntry> written = store.write(write);
        written.ifPresent(model::fold);
        return written;
    }

    /** Keeps a user's layer under its token cap: the user's oldest trained messages are forgotten first. */
    private void makeRoom(Scope user, Teaching lesson) {
        int cap = settings.layers().maxPersonalTokens();
        List<TrainingKey> oldest = null;
        int next = 0;
        while (true) {
            Optional<CountTable> layer = model.layer(user);
            int size = layer.map(CountTable::distinctTokens).orElse(0);
            long added = lesson.tokens().stream()
                .filter(token -> layer.map(table -> table.count(token).spam() + table.count(token).ham() == 0).orElse(true))
                .count();
            if (size + added <= cap) {
                return;
            }
            if (oldest == null) {
                oldest = model.entriesOldestFirst(user);
            }
            if (next >= oldest.size()) {
                return;
            }
            forget(oldest.get(next++), Source.ADMIN);
        }
    }
}
