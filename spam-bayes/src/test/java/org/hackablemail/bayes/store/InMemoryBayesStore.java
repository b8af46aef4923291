package org.hackablemail.bayes.store;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A {@link BayesStore} in memory, for tests: the reference the contract is checked against besides the Lucene store,
 * and, through {@link #client()}, several "nodes" sharing one set of data (each client is a store of its own over the
 * same data, as Cassandra clients are).
 */
public final class InMemoryBayesStore implements BayesStore {
    /** The data every client shares. */
    private static final class Data {
        final Map<TrainingKey, TrainingEntry> entries = new HashMap<>();
        final TreeMap<Long, TrainingKey> feed = new TreeMap<>();
        final Map<TrainingKey, Long> positions = new HashMap<>();
        Baseline baseline = Baseline.EMPTY;
        String generation = UUID.randomUUID().toString();
        long sequence;
    }

    private final Data data;
    private final Clock clock;

    public InMemoryBayesStore() {
        this(new Data(), Clock.systemUTC());
    }

    private InMemoryBayesStore(Data data, Clock clock) {
        this.data = data;
        this.clock = clock;
    }

    /** Another client on the same data, as a second node would have. */
    public InMemoryBayesStore client() {
        return new InMemoryBayesStore(data, clock);
    }

    @Override
    public Optional<TrainingEntry> entry(TrainingKey key) {
        synchronized (data) {
            return Optional.ofNullable(data.entries.get(key));
        }
    }

    @Override
    public Optional<TrainingEntry> write(EntryWrite write) {
        return writeAll(List.of(write)).get(0);
    }

    @Override
    public List<Optional<TrainingEntry>> writeAll(List<EntryWrite> writes) {
        synchronized (data) {
            Map<TrainingKey, TrainingEntry> written = new HashMap<>();
            List<Optional<TrainingEntry>> results = new ArrayList<>();
            for (EntryWrite write : writes) {
                TrainingEntry current = written.containsKey(write.key()) ? written.get(write.key()) : data.entries.get(write.key());
                Optional<TrainingEntry> next = next(current, write);
                next.ifPresent(entry -> written.put(entry.key(), entry));
                results.add(next);
            }
            for (TrainingEntry entry : written.values()) {
                data.entries.put(entry.key(), entry);
                Long old = data.positions.put(entry.key(), ++data.sequence);
                if (old != null) {
                    data.feed.remove(old);
                }
                data.feed.put(data.sequence, entry.key());
            }
            return results;
        }
    }

    private Optional<TrainingEntry> next(TrainingEntry current, EntryWrite write) {
        Instant now = Instant.ofEpochMilli(clock.millis());
        if (current == null) {
            return write.state().teaches()
                ? Optional.of(new TrainingEntry(write.key(), write.state(), write.teaching().get(), write.source(), now, 1))
                : Optional.empty();
        }
        if (current.state() == write.state()) {
            return Optional.empty();
        }
        return Optional.of(new TrainingEntry(write.key(), write.state(), current.teaching(), write.source(), now,
            current.revision() + 1));
    }

    @Override
    public void forEachEntry(Optional<Scope> scope, Consumer<TrainingEntry> consumer) {
        List<TrainingEntry> entries;
        synchronized (data) {
            entries = data.entries.values().stream()
                .filter(entry -> entry.state().teaches())
                .filter(entry -> scope.map(entry.key().scope()::equals).orElse(true))
                .toList();
        }
        entries.forEach(consumer);
    }

    @Override
    public ChangeCursor cursor() {
        synchronized (data) {
            return new ChangeCursor(data.generation, data.sequence);
        }
    }

    @Override
    public Changes changesSince(ChangeCursor cursor, int limit) {
        synchronized (data) {
            if (!cursor.generation().equals(data.generation)) {
                return new Changes(List.of(), cursor(), true);
            }
            List<TrainingEntry> entries = new ArrayList<>();
            long last = cursor.position();
            for (Map.Entry<Long, TrainingKey> change : data.feed.tailMap(cursor.position(), false).entrySet()) {
                if (entries.size() >= limit) {
                    break;
                }
                entries.add(data.entries.get(change.getValue()));
                last = change.getKey();
            }
            return new Changes(entries, new ChangeCursor(data.generation, entries.size() >= limit ? last : data.sequence),
                false);
        }
    }

    @Override
    public Baseline baseline() {
        synchronized (data) {
            return data.baseline;
        }
    }

    @Override
    public void reset(Baseline baseline) {
        synchronized (data) {
            data.entries.clear();
            data.feed.clear();
            data.positions.clear();
            data.baseline = baseline;
            data.generation = UUID.randomUUID().toString();
        }
    }

    @Override
    public long sizeInBytes() {
        return -1;
    }

    @Override
    public void close() {
        // nothing to release
    }
}
