package org.hackablemail.storage.cassandra;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import org.hackablemail.bayes.store.ChangeCursor;

import com.datastax.oss.driver.api.core.cql.Row;

/**
 * The Bayes store's change feed in Cassandra ({@code bayes_feed}): a row per change naming the entry's key, in
 * partitions of one generation and one hour, ordered by the writer's clock in microseconds, gone after
 * {@link #RETENTION}. Readers fetch the entries' current state themselves, so a key read twice is only a duplicate.
 *
 * <p>Nodes' clocks differ and a write becomes visible some time after its row's time: a reader that moved past a time
 * may later find a row older than it. So a cursor holds two marks: {@code high}, up to where rows were read, and
 * {@code settled}, up to where rows were read again once older than {@link #SETTLE}. Every read also reads the rows
 * between {@code settled} and what is now older than {@code SETTLE}: a row that shows up within {@code SETTLE} of its
 * time (clocks within a few seconds of each other, as NTP keeps them) is delivered; the rows read twice are
 * duplicates, which the contract allows and readers ignore by revision.</p>
 */
final class BayesChangeFeed {
    static final CassandraTable FEED = CassandraTable.named("bayes_feed")
        .column("generation", "text")
        .column("bucket", "bigint")
        .column("at", "bigint")
        .column("entry_key", "text")
        .partitionKey("generation", "bucket")
        .clustering("at", "entry_key")
        .build();

    /** How late a change may show up and still be delivered. */
    static final Duration SETTLE = Duration.ofSeconds(30);
    /** How long rows are kept: a reader further behind rebuilds. */
    static final Duration RETENTION = Duration.ofDays(7);
    private static final long BUCKET_MICROS = Duration.ofHours(1).toNanos() / 1_000;
    private static final String SEPARATOR = "@";

    /** A position in the feed, as a cursor holds it. */
    record Position(String generation, long settled, long high) {
        ChangeCursor cursor() {
            return new ChangeCursor(generation + SEPARATOR + settled, high);
        }

        static Optional<Position> of(ChangeCursor cursor) {
            int separator = cursor.generation().lastIndexOf(SEPARATOR);
            if (separator < 0) {
                return Optional.empty();
            }
            try {
                long settled = Long.parseLong(cursor.generation().substring(separator + 1));
                return Optional.of(new Position(cursor.generation().substring(0, separator), settled, cursor.position()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }

    /** What one read of the feed found. */
    record Batch(Set<String> keys, Position next) {
    }

    private record Scan(Set<String> keys, boolean full, long last) {
    }

    private final Cql cql;
    private final Clock clock;
    private final String table;
    private final AtomicLong lastMicros = new AtomicLong();

    BayesChangeFeed(Cql cql, Clock clock) {
        this.cql = cql;
        this.clock = clock;
        this.table = cql.table(FEED.name());
    }

    /** Where a reader starting now is. */
    Position now(String generation) {
        long now = micros();
        return new Position(generation, now - micros(SETTLE), now);
    }

    /** Whether the feed still holds every row after this position. */
    boolean covers(Position position) {
        return micros() - position.settled() < micros(RETENTION.minus(Duration.ofHours(2)));
    }

    /** Records that the entry changed (or is about to); an insert of its own, without waiting. */
    CompletableFuture<?> record(String generation, String key) {
        long at = lastMicros.updateAndGet(last -> Math.max(last + 1, micros()));
        return cql.executeAsync(cql.bind("INSERT INTO " + table + " (generation, bucket, at, entry_key) VALUES (?, ?, ?, ?) "
            + "USING TTL ?", generation, at / BUCKET_MICROS, at, key, (int) RETENTION.toSeconds()),
            "record a Bayes training change").toCompletableFuture();
    }

    /** At most about {@code limit} keys changed after the position, and the position after them. */
    Batch read(Position from, int limit) {
        long now = micros();
        long settledNow = now - micros(SETTLE);
        Set<String> keys = new LinkedHashSet<>();
        long settled = from.settled();
        long upTo = Math.min(settledNow, from.high());
        if (upTo > settled) {
            Scan again = scan(from.generation(), settled, upTo, limit);
            keys.addAll(again.keys());
            settled = again.full() ? again.last() : upTo;
        }
        long high = from.high();
        if (keys.size() < limit) {
            Scan fresh = scan(from.generation(), high, now + micros(SETTLE), limit - keys.size());
            keys.addAll(fresh.keys());
            high = fresh.full() ? fresh.last() : Math.max(high, Math.max(fresh.last(), settledNow));
        }
        return new Batch(keys, new Position(from.generation(), Math.min(settled, high), high));
    }

    /** Keys of rows in ({@code after}, {@code upTo}], oldest first: at least all those of the last time read. */
    private Scan scan(String generation, long after, long upTo, int limit) {
        Set<String> keys = new LinkedHashSet<>();
        long last = after;
        int rows = 0;
        for (long bucket = (after + 1) / BUCKET_MICROS; bucket <= upTo / BUCKET_MICROS; bucket++) {
            for (Row row : cql.execute(cql.bind("SELECT at, entry_key FROM " + table
                    + " WHERE generation = ? AND bucket = ? AND at > ? AND at <= ? LIMIT ?",
                    generation, bucket, after, upTo, limit - rows), "read the Bayes change feed")) {
                keys.add(row.getString("entry_key"));
                last = row.getLong("at");
                rows++;
            }
            if (rows >= limit) {
                keys.addAll(keysAt(generation, last));
                return new Scan(keys, true, last);
            }
        }
        return new Scan(keys, false, last);
    }

    /** Every key of the rows of one time, so that a batch cut there leaves none of them out. */
    private Collection<String> keysAt(String generation, long at) {
        Set<String> keys = new LinkedHashSet<>();
        cql.execute(cql.bind("SELECT entry_key FROM " + table + " WHERE generation = ? AND bucket = ? AND at = ?",
            generation, at / BUCKET_MICROS, at), "read the Bayes change feed").forEach(row -> keys.add(row.getString("entry_key")));
        return keys;
    }

    private long micros() {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }

    private static long micros(Duration duration) {
        return duration.toNanos() / 1_000;
    }
}
