package org.hackablemail.storage.cassandra;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.hackablemail.core.Owner;
import org.hackablemail.core.trace.TraceEntry;
import org.hackablemail.core.trace.TraceJson;
import org.hackablemail.core.trace.TracePage;
import org.hackablemail.core.trace.TraceQuery;
import org.hackablemail.core.trace.TraceRetention;
import org.hackablemail.core.trace.TraceStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.datastax.oss.driver.api.core.cql.Row;

/**
 * Each owner's trace in Cassandra: one partition per owner ({@code plugin_trace}), an entry per row, newest first,
 * written with a time to live of the retention's age, so entries past it go by themselves ({@link #purgeExpired}
 * has nothing to do). Reads apply the retention exactly; every so many appends a node also deletes what is past the
 * count and weight bounds.
 *
 * <p>An append is one plain write: no lightweight transaction on the path of every message. Ids are the append's
 * time in microseconds shifted left by 10 bits, with 10 bits naming the node's store (random at start), and at least
 * one more than the last id this node gave the owner: so they increase per owner as time does, across nodes,
 * restarts and deletes, and two nodes never give the same id. Across nodes the order is that of their clocks.
 */
public final class CassandraTraceStore implements TraceStore {
    static final CassandraTable TRACE = CassandraTable.named("plugin_trace")
        .column("owner", "text")
        .column("id", "bigint")
        .column("weight", "int")
        .column("entry", "text")
        .partitionKey("owner")
        .clustering("id")
        .with("CLUSTERING ORDER BY (id DESC)")
        .build();

    private static final Logger LOGGER = LoggerFactory.getLogger(CassandraTraceStore.class);
    private static final int NODE_BITS = 10;
    /** Appends of one owner on one node between two trims of what is past the count and weight bounds. */
    private static final int APPENDS_PER_TRIM = 64;

    private final Cql cql;
    private final TraceRetention retention;
    private final Clock clock;
    private final String table;
    private final long node = new SecureRandom().nextInt(1 << NODE_BITS);
    private final Map<Owner, Long> lastIds = new ConcurrentHashMap<>();
    private final Map<Owner, Integer> appendsSinceTrim = new ConcurrentHashMap<>();

    public CassandraTraceStore(Cql cql, TraceRetention retention, Clock clock) {
        this.cql = cql;
        this.retention = retention;
        this.clock = clock;
        this.table = cql.table(TRACE.name());
    }

    @Override
    public TraceEntry append(TraceEntry entry) {
        Owner owner = entry.owner();
        Instant now = clock.instant();
        long timeId = ((now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000) << NODE_BITS) | node;
        long id = lastIds.merge(owner, timeId, (last, candidate) -> Math.max(last + (1 << NODE_BITS), candidate));
        TraceEntry stored = entry.withId(id);
        cql.execute(cql.bind("INSERT INTO " + table + " (owner, id, weight, entry) VALUES (?, ?, ?, ?) USING TTL ?",
            owner.asString(), id, (int) Math.min(Integer.MAX_VALUE, stored.weight()), TraceJson.write(stored),
            ttlSeconds()), "append to the trace of " + owner);
        if (appendsSinceTrim.merge(owner, 1, Integer::sum) >= APPENDS_PER_TRIM) {
            appendsSinceTrim.remove(owner);
            trim(owner);
        }
        return stored;
    }

    @Override
    public TracePage read(Owner owner, TraceQuery query) {
        List<TraceEntry> newestFirst = new ArrayList<>();
        for (Row row : cql.execute(cql.bind("SELECT entry FROM " + table + " WHERE owner = ? LIMIT ?", owner.asString(),
                retention.maxEntries()), "read the trace of " + owner)) {
            parse(row.getString("entry")).filter(entry -> entry.owner().equals(owner)).ifPresent(newestFirst::add);
        }
        Collections.reverse(newestFirst);
        return query.pageOf(retention.retained(newestFirst, clock.instant()));
    }

    @Override
    public long latestId(Owner owner) {
        Row row = cql.execute(cql.bind("SELECT id FROM " + table + " WHERE owner = ? LIMIT 1", owner.asString()),
            "read the trace of " + owner).one();
        return row == null ? 0 : row.getLong("id");
    }

    @Override
    public void delete(Owner owner) {
        cql.execute(cql.bind("DELETE FROM " + table + " WHERE owner = ?", owner.asString()), "delete the trace of " + owner);
        appendsSinceTrim.remove(owner);
    }

    /** Nothing to do: every entry is written with the retention's age as its time to live. */
    @Override
    public void purgeExpired() {
    }

    /** Deletes the owner's entries older than the oldest the count and weight bounds keep. */
    private void trim(Owner owner) {
        long weight = 0;
        int count = 0;
        for (Row row : cql.execute(cql.bind("SELECT id, weight FROM " + table + " WHERE owner = ?", owner.asString()),
                "trim the trace of " + owner)) {
            weight += row.getInt("weight");
            count++;
            if (count > retention.maxEntries() || weight > retention.maxBytes()) {
                cql.execute(cql.bind("DELETE FROM " + table + " WHERE owner = ? AND id <= ?", owner.asString(), row.getLong("id")),
                    "trim the trace of " + owner);
                return;
            }
        }
    }

    /** The retention's age, within Cassandra's bounds (a second to 20 years). */
    private int ttlSeconds() {
        return (int) Math.min(630_720_000L, Math.max(1, retention.maxAge().toSeconds()));
    }

    private static Optional<TraceEntry> parse(String json) {
        try {
            return Optional.of(TraceJson.read(json));
        } catch (IOException e) {
            LOGGER.warn("Skipping an unreadable trace entry: {}", e.getMessage());
            return Optional.empty();
        }
    }
}
