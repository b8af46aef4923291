package org.hackablemail.storage.cassandra;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.hackablemail.bayes.TokenCount;
import org.hackablemail.bayes.store.Baseline;
import org.hackablemail.bayes.store.BayesStore;
import org.hackablemail.bayes.store.ChangeCursor;
import org.hackablemail.bayes.store.Changes;
import org.hackablemail.bayes.store.ClassPrint;
import org.hackablemail.bayes.store.EntryState;
import org.hackablemail.bayes.store.EntryWrite;
import org.hackablemail.bayes.store.Scope;
import org.hackablemail.bayes.store.Source;
import org.hackablemail.bayes.store.Teaching;
import org.hackablemail.bayes.store.TrainingEntry;
import org.hackablemail.bayes.store.TrainingKey;
import org.hackablemail.core.store.StorageUnavailableException;

import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;

/**
 * The Bayes store in Cassandra, shared by every James node: one row per trained message ({@code bayes_entries}, a
 * partition per scope), changed only by compare-and-set on its revision, so a message learnt twice, on one node or
 * two at once, counts once and two writers never make the same revision. No counter is kept here: each node folds the
 * entries into its in-memory model, from the {@link BayesChangeFeed} every {@code bayes.refresh}.
 *
 * <p>A reset or import starts a new generation (the entries, scopes and baseline of the old one are then deleted):
 * readers of the old one rebuild. The generation and the baseline's totals are one row ({@code bayes_state}), the
 * baseline's counts a partition per generation ({@code bayes_baseline}).</p>
 */
public final class CassandraBayesStore implements BayesStore {
    static final CassandraTable STATE = CassandraTable.named("bayes_state")
        .column("id", "text")
        .column("generation", "text")
        .column("spam_messages", "bigint")
        .column("ham_messages", "bigint")
        .partitionKey("id")
        .build();
    static final CassandraTable BASELINE = CassandraTable.named("bayes_baseline")
        .column("generation", "text")
        .column("word", "text")
        .column("spam", "int")
        .column("ham", "int")
        .partitionKey("generation")
        .clustering("word")
        .build();
    static final CassandraTable ENTRIES = CassandraTable.named("bayes_entries")
        .column("generation", "text")
        .column("scope", "text")
        .column("message", "text")
        .column("state", "text")
        .column("tokens", "text")
        .column("print", "list<bigint>")
        .column("source", "text")
        .column("updated", "timestamp")
        .column("revision", "bigint")
        .column("write_id", "uuid")
        .partitionKey("generation", "scope")
        .clustering("message")
        .build();
    static final CassandraTable SCOPES = CassandraTable.named("bayes_scopes")
        .column("generation", "text")
        .column("scope", "text")
        .partitionKey("generation")
        .clustering("scope")
        .build();

    private static final String STATE_ID = "store";
    /** Entries hold up to thousands of tokens: small pages keep a scan's memory small. */
    private static final int ENTRY_PAGE = 100;
    private static final int MAX_ATTEMPTS = 100;

    private record State(String generation, long spamMessages, long hamMessages) {
    }

    private final Cql cql;
    private final Clock clock;
    private final BayesChangeFeed feed;
    private final String state;
    private final String baselines;
    private final String entries;
    private final String scopes;

    public CassandraBayesStore(Cql cql, Clock clock) {
        this.cql = cql;
        this.clock = clock;
        this.feed = new BayesChangeFeed(cql, clock);
        this.state = cql.table(STATE.name());
        this.baselines = cql.table(BASELINE.name());
        this.entries = cql.table(ENTRIES.name());
        this.scopes = cql.table(SCOPES.name());
    }

    static List<CassandraTable> tables() {
        return List.of(STATE, BASELINE, ENTRIES, SCOPES, BayesChangeFeed.FEED);
    }

    @Override
    public Optional<TrainingEntry> entry(TrainingKey key) {
        return read(state().generation(), key);
    }

    @Override
    public Optional<TrainingEntry> write(EntryWrite write) {
        return writeAll(List.of(write)).get(0);
    }

    /**
     * Computes every teaching first (a message that cannot be read leaves nothing written), then writes each key's
     * outcome by compare-and-set on the revision it read, reading again and redoing that key's writes when another
     * writer came first.
     */
    @Override
    public List<Optional<TrainingEntry>> writeAll(List<EntryWrite> writes) {
        String generation = state().generation();
        Map<TrainingKey, List<Integer>> byKey = new LinkedHashMap<>();
        List<EntryWrite> once = new ArrayList<>();
        for (int index = 0; index < writes.size(); index++) {
            EntryWrite write = writes.get(index);
            once.add(new EntryWrite(write.key(), write.state(), write.source(), memoized(write.teaching())));
            byKey.computeIfAbsent(write.key(), key -> new ArrayList<>()).add(index);
        }
        Map<TrainingKey, Optional<TrainingEntry>> stored = new HashMap<>();
        // Every teaching is computed before anything is written.
        for (TrainingKey key : byKey.keySet()) {
            Optional<TrainingEntry> current = read(generation, key);
            stored.put(key, current);
            outcomes(current, byKey.get(key), once);
        }
        List<Optional<TrainingEntry>> results = new ArrayList<>(Collections.nCopies(writes.size(), Optional.empty()));
        for (Map.Entry<TrainingKey, List<Integer>> key : byKey.entrySet()) {
            apply(generation, key.getKey(), stored.get(key.getKey()), key.getValue(), once, results);
        }
        return results;
    }

    private void apply(String generation, TrainingKey key, Optional<TrainingEntry> firstRead, List<Integer> indexes,
                       List<EntryWrite> writes, List<Optional<TrainingEntry>> results) {
        Optional<TrainingEntry> current = firstRead;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Map<Integer, Optional<TrainingEntry>> outcomes = outcomes(current, indexes, writes);
            Optional<TrainingEntry> last = outcomes.values().stream().flatMap(Optional::stream)
                .reduce((first, second) -> second);
            if (last.isEmpty()) {
                outcomes.forEach(results::set);
                return;
            }
            // Noted before the write too, so that a change whose second note fails still reaches the feed.
            feed.record(generation, key.asString());
            if (compareAndSet(generation, current, last.get(), UUID.randomUUID())) {
                outcomes.forEach(results::set);
                Cql.await(feed.record(generation, key.asString()));
                return;
            }
            current = readSerial(generation, key);
        }
        throw new StorageUnavailableException("Too many concurrent writers of the Bayes entry " + key.asString(), null);
    }

    /** What each write of one key gives, one after the other from {@code current}. */
    private Map<Integer, Optional<TrainingEntry>> outcomes(Optional<TrainingEntry> current, List<Integer> indexes,
                                                           List<EntryWrite> writes) {
        Map<Integer, Optional<TrainingEntry>> outcomes = new LinkedHashMap<>();
        Optional<TrainingEntry> latest = current;
        Instant now = Instant.ofEpochMilli(clock.millis());
        for (int index : indexes) {
            Optional<TrainingEntry> next = next(latest, writes.get(index), now);
            outcomes.put(index, next);
            if (next.isPresent()) {
                latest = next;
            }
        }
        return outcomes;
    }

    private static Optional<TrainingEntry> next(Optional<TrainingEntry> current, EntryWrite write, Instant now) {
        if (current.isEmpty()) {
            return write.state().teaches()
                ? Optional.of(new TrainingEntry(write.key(), write.state(), write.teaching().get(), write.source(), now, 1))
                : Optional.empty();
        }
        TrainingEntry entry = current.get();
        if (entry.state() == write.state()) {
            return Optional.empty();
        }
        return Optional.of(new TrainingEntry(write.key(), write.state(), entry.teaching(), write.source(), now,
            entry.revision() + 1));
    }

    /**
     * Writes {@code next} if the entry is still {@code current}. A compare-and-set that timed out may have applied:
     * the write's id, stored with it, tells by a serial read (which fails in turn when Cassandra is away).
     */
    private boolean compareAndSet(String generation, Optional<TrainingEntry> current, TrainingEntry next, UUID writeId) {
        TrainingKey key = next.key();
        String what = "write the Bayes entry " + key.asString();
        BoundStatement write;
        if (current.isEmpty()) {
            cql.execute(cql.bind("INSERT INTO " + scopes + " (generation, scope) VALUES (?, ?)", generation,
                key.scope().key()), what);
            write = cql.bind("INSERT INTO " + entries + " (generation, scope, message, state, tokens, print, source, "
                + "updated, revision, write_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) IF NOT EXISTS", generation,
                key.scope().key(), key.message(), next.state().name(), String.join("\n", next.teaching().tokens()),
                bands(next.teaching().print()), next.source().name(), next.updated(), next.revision(), writeId);
        } else {
            write = cql.bind("UPDATE " + entries + " SET state = ?, source = ?, updated = ?, revision = ?, write_id = ? "
                + "WHERE generation = ? AND scope = ? AND message = ? IF revision = ?", next.state().name(),
                next.source().name(), next.updated(), next.revision(), writeId, generation, key.scope().key(),
                key.message(), current.get().revision());
        }
        try {
            return cql.applied(write, what);
        } catch (StorageUnavailableException timedOut) {
            Row stored = cql.execute(cql.bindSerialRead("SELECT write_id FROM " + entries
                + " WHERE generation = ? AND scope = ? AND message = ?", generation, key.scope().key(), key.message()),
                what).one();
            // The serial read settled any compare-and-set left half-done: if it was not this one, this one lost.
            return stored != null && writeId.equals(stored.getUuid("write_id"));
        }
    }

    private Optional<TrainingEntry> read(String generation, TrainingKey key) {
        return readWith(cql.bind(selectEntry(), generation, key.scope().key(), key.message()), key);
    }

    /** A read that sees every compare-and-set that completed, for the next one. */
    private Optional<TrainingEntry> readSerial(String generation, TrainingKey key) {
        return readWith(cql.bindSerialRead(selectEntry(), generation, key.scope().key(), key.message()), key);
    }

    private String selectEntry() {
        return "SELECT * FROM " + entries + " WHERE generation = ? AND scope = ? AND message = ?";
    }

    private Optional<TrainingEntry> readWith(BoundStatement statement, TrainingKey key) {
        return Optional.ofNullable(cql.execute(statement, "read the Bayes entry " + key.asString()).one())
            .map(CassandraBayesStore::entryOf);
    }

    @Override
    public void forEachEntry(Optional<Scope> scope, Consumer<TrainingEntry> consumer) {
        String generation = state().generation();
        List<String> scopeKeys = new ArrayList<>();
        if (scope.isPresent()) {
            scopeKeys.add(scope.get().key());
        } else {
            cql.execute(cql.bind("SELECT scope FROM " + scopes + " WHERE generation = ?", generation),
                "list the Bayes scopes").forEach(row -> scopeKeys.add(row.getString("scope")));
        }
        for (String scopeKey : scopeKeys) {
            ResultSet rows = cql.execute(cql.bind("SELECT * FROM " + entries + " WHERE generation = ? AND scope = ?",
                generation, scopeKey).setPageSize(ENTRY_PAGE), "read the Bayes entries of " + scopeKey);
            for (Row row : rows) {
                TrainingEntry entry = entryOf(row);
                if (entry.state().teaches()) {
                    consumer.accept(entry);
                }
            }
        }
    }

    @Override
    public ChangeCursor cursor() {
        return feed.now(state().generation()).cursor();
    }

    @Override
    public Changes changesSince(ChangeCursor cursor, int limit) {
        String generation = state().generation();
        Optional<BayesChangeFeed.Position> from = BayesChangeFeed.Position.of(cursor)
            .filter(position -> position.generation().equals(generation))
            .filter(feed::covers);
        if (from.isEmpty()) {
            return new Changes(List.of(), feed.now(generation).cursor(), true);
        }
        BayesChangeFeed.Batch batch = feed.read(from.get(), limit);
        List<CompletableFuture<Optional<TrainingEntry>>> reads = batch.keys().stream()
            .map(TrainingKey::parse)
            .map(key -> cql.executeAsync(cql.bind(selectEntry(), generation, key.scope().key(), key.message()),
                    "read the Bayes entry " + key.asString())
                .thenApply(rows -> Optional.ofNullable(rows.one()).map(CassandraBayesStore::entryOf))
                .toCompletableFuture())
            .toList();
        List<TrainingEntry> changed = reads.stream().map(Cql::await).flatMap(Optional::stream).toList();
        return new Changes(changed, batch.next().cursor(), false);
    }

    @Override
    public Baseline baseline() {
        State current = state();
        Map<String, TokenCount> counts = new HashMap<>();
        cql.execute(cql.bind("SELECT word, spam, ham FROM " + baselines + " WHERE generation = ?", current.generation())
                .setPageSize(5_000), "read the Bayes baseline")
            .forEach(row -> counts.put(row.getString("word"), new TokenCount(row.getInt("spam"), row.getInt("ham"))));
        return new Baseline(counts, current.spamMessages(), current.hamMessages());
    }

    /** Writes the baseline under a new generation, switches to it by compare-and-set, then deletes the old one. */
    @Override
    public void reset(Baseline baseline) {
        String generation = UUID.randomUUID().toString();
        List<CompletableFuture<?>> writes = new ArrayList<>();
        for (Map.Entry<String, TokenCount> count : baseline.counts().entrySet()) {
            writes.add(cql.executeAsync(cql.bind("INSERT INTO " + baselines + " (generation, word, spam, ham) "
                + "VALUES (?, ?, ?, ?)", generation, count.getKey(), count.getValue().spam(), count.getValue().ham()),
                "write the Bayes baseline").toCompletableFuture());
            if (writes.size() >= 64) {
                writes.forEach(Cql::await);
                writes.clear();
            }
        }
        writes.forEach(Cql::await);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            State old = state();
            if (cql.applied(cql.bind("UPDATE " + state + " SET generation = ?, spam_messages = ?, ham_messages = ? "
                + "WHERE id = ? IF generation = ?", generation, baseline.spamMessages(), baseline.hamMessages(), STATE_ID,
                old.generation()), "reset the Bayes store")) {
                deleteGeneration(old.generation());
                return;
            }
        }
        throw new StorageUnavailableException("Too many concurrent resets of the Bayes store", null);
    }

    private void deleteGeneration(String generation) {
        String what = "delete the Bayes store's previous generation";
        List<String> old = new ArrayList<>();
        cql.execute(cql.bind("SELECT scope FROM " + scopes + " WHERE generation = ?", generation), what)
            .forEach(row -> old.add(row.getString("scope")));
        for (String scope : old) {
            cql.execute(cql.bind("DELETE FROM " + entries + " WHERE generation = ? AND scope = ?", generation, scope), what);
        }
        cql.execute(cql.bind("DELETE FROM " + scopes + " WHERE generation = ?", generation), what);
        cql.execute(cql.bind("DELETE FROM " + baselines + " WHERE generation = ?", generation), what);
    }

    /** The current generation and baseline totals; the first reader of an empty store creates them. */
    private State state() {
        Row row = cql.execute(cql.bind("SELECT generation, spam_messages, ham_messages FROM " + state + " WHERE id = ?",
            STATE_ID), "read the Bayes store's state").one();
        if (row == null) {
            row = cql.execute(cql.bind("INSERT INTO " + state + " (id, generation, spam_messages, ham_messages) "
                + "VALUES (?, ?, 0, 0) IF NOT EXISTS", STATE_ID, UUID.randomUUID().toString()),
                "create the Bayes store's state").one();
            if (row.getBoolean("[applied]")) {
                return state();
            }
        }
        return new State(row.getString("generation"), row.getLong("spam_messages"), row.getLong("ham_messages"));
    }

    /** Nothing of the store's bytes is known to a client. */
    @Override
    public long sizeInBytes() {
        return -1;
    }

    /** The session belongs to {@link CassandraStorage}, which closes it. */
    @Override
    public void close() {
    }

    private static TrainingEntry entryOf(Row row) {
        TrainingKey key = new TrainingKey(Scope.parse(row.getString("scope")), row.getString("message"));
        String tokens = row.getString("tokens");
        Set<String> tokenSet = tokens.isEmpty() ? Set.of() : Set.of(tokens.split("\n"));
        List<Long> bands = row.getList("print", Long.class);
        ClassPrint print = ClassPrint.of(bands.stream().mapToLong(Long::longValue).toArray());
        return new TrainingEntry(key, EntryState.valueOf(row.getString("state")), new Teaching(tokenSet, print),
            Source.valueOf(row.getString("source")), row.getInstant("updated"), row.getLong("revision"));
    }

    private static List<Long> bands(ClassPrint print) {
        long[] bands = new long[print.size()];
        Arrays.setAll(bands, print::band);
        return Arrays.stream(bands).boxed().toList();
    }

    private static Supplier<Teaching> memoized(Supplier<Teaching> teaching) {
        return new Supplier<>() {
            private Teaching computed;

            @Override
            public synchronized Teaching get() {
                if (computed == null) {
                    computed = teaching.get();
                }
                return computed;
            }
        };
    }
}
