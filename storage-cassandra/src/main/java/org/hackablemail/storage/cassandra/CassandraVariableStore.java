package org.hackablemail.storage.cassandra;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hackablemail.core.Owner;
import org.hackablemail.core.store.StorageUnavailableException;
import org.hackablemail.core.store.VariableQuotaExceededException;
import org.hackablemail.core.store.VariableQuotas;
import org.hackablemail.core.store.VariableStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.Row;

/**
 * Plugin variables in Cassandra: one partition per owner ({@code plugin_variables}), a row per variable, and a
 * static {@code version} column that every commit advances by compare-and-set, in one conditional batch with the
 * commit's writes: of two nodes committing on the version they both read, exactly one applies. The version is never
 * reset, not even by {@link #deleteAll} (which advances it too), so versions never repeat for an owner.
 *
 * <p>Reads come from memory: each owner's variables are loaded whole (one partition read) and served for up to
 * {@code refresh}, then loaded again; when Cassandra cannot answer, the values held are served meanwhile. So a
 * commit made on another node is read here within {@code refresh}; a call that read older values and writes is never
 * wrong, as its commit fails on the version and the call runs again on values loaded afresh. Memory is bounded by
 * {@code cacheBytes} of names and values, the owners read least recently dropped first.
 */
public final class CassandraVariableStore implements VariableStore {
    static final CassandraTable VARIABLES = CassandraTable.named("plugin_variables")
        .column("owner", "text")
        .column("name", "text")
        .column("value", "blob")
        .column("version", "bigint static")
        .partitionKey("owner")
        .clustering("name")
        .build();

    private static final Logger LOGGER = LoggerFactory.getLogger(CassandraVariableStore.class);
    private static final int MAX_ATTEMPTS = 64;

    private final Cql cql;
    private final VariableQuotas quotas;
    private final long cacheBytes;
    private final Duration refresh;
    private final Clock clock;
    private final String table;
    /** Least recently read first; guarded by itself. */
    private final LinkedHashMap<Owner, Snapshot> cache = new LinkedHashMap<>(16, 0.75f, true);
    /** Guarded by {@link #cache}. */
    private long cachedBytes;

    /** One owner's variables at one version, as loaded; replaced whole. */
    private record Snapshot(long version, Map<String, byte[]> values, VariableQuotas.Usage usage, long loadedAt) {

        static Snapshot of(long version, Map<String, byte[]> values, long loadedAt) {
            long bytes = values.entrySet().stream().mapToLong(entry -> weight(entry.getKey(), entry.getValue())).sum();
            return new Snapshot(version, Map.copyOf(values), new VariableQuotas.Usage(values.size(), bytes), loadedAt);
        }

        static long weight(String name, byte[] value) {
            return name.getBytes(StandardCharsets.UTF_8).length + (long) value.length;
        }
    }

    /**
     * @param refresh    how long values loaded from Cassandra are served before being loaded again
     * @param cacheBytes how many bytes of names and values to hold in memory, all owners together
     */
    public CassandraVariableStore(Cql cql, VariableQuotas quotas, long cacheBytes, Duration refresh, Clock clock) {
        this.cql = cql;
        this.quotas = quotas;
        this.cacheBytes = cacheBytes;
        this.refresh = refresh;
        this.clock = clock;
        this.table = cql.table(VARIABLES.name());
    }

    @Override
    public long version(Owner owner) {
        return variables(owner).version();
    }

    @Override
    public Optional<byte[]> get(Owner owner, String name) {
        return Optional.ofNullable(variables(owner).values().get(name)).map(byte[]::clone);
    }

    @Override
    public boolean commit(Owner owner, long expectedVersion, Map<String, Optional<byte[]>> writes)
            throws VariableQuotaExceededException {
        Snapshot current = cached(owner).filter(snapshot -> snapshot.version() == expectedVersion)
            .orElseGet(() -> load(owner));
        if (current.version() != expectedVersion) {
            return false;
        }
        Map<String, byte[]> values = new HashMap<>(current.values());
        writes.forEach((name, value) -> value.ifPresentOrElse(bytes -> values.put(name, bytes.clone()), () -> values.remove(name)));
        Snapshot committed = Snapshot.of(expectedVersion + 1, values, clock.millis());
        quotas.check(current.usage(), committed.usage());

        BatchStatementBuilder batch = BatchStatement.builder(DefaultBatchType.UNLOGGED).addStatement(advance(owner, expectedVersion));
        writes.forEach((name, value) -> batch.addStatement(value
            .map(bytes -> cql.bind("INSERT INTO " + table + " (owner, name, value) VALUES (?, ?, ?)", owner.asString(), name,
                ByteBuffer.wrap(bytes.clone())))
            .orElseGet(() -> cql.bind("DELETE FROM " + table + " WHERE owner = ? AND name = ?", owner.asString(), name))));
        boolean applied;
        try {
            applied = cql.applied(batch.build(), "store the variables of " + owner);
        } catch (StorageUnavailableException e) {
            // It may have applied: what is held here can no longer be trusted.
            forget(owner);
            throw e;
        }
        if (applied) {
            remember(owner, committed);
        } else {
            forget(owner);
        }
        return applied;
    }

    @Override
    public void deleteAll(Owner owner) {
        try {
            for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
                Snapshot current = load(owner);
                if (current.version() == 0) {
                    return;
                }
                BatchStatement batch = BatchStatement.newInstance(DefaultBatchType.UNLOGGED, advance(owner, current.version()),
                    cql.bind("DELETE FROM " + table + " WHERE owner = ? AND name >= ''", owner.asString()));
                if (cql.applied(batch, "delete the variables of " + owner)) {
                    return;
                }
            }
            throw new StorageUnavailableException("The variables of " + owner + " changed " + MAX_ATTEMPTS
                + " times while they were being deleted: try again", null);
        } finally {
            forget(owner);
        }
    }

    /** The bytes of names and values held in memory now. */
    long bytesInMemory() {
        synchronized (cache) {
            return cachedBytes;
        }
    }

    /** Moves the owner's version on from {@code expected}, if it still is that; 0 means never written. */
    private com.datastax.oss.driver.api.core.cql.BoundStatement advance(Owner owner, long expected) {
        return expected == 0
            ? cql.bind("UPDATE " + table + " SET version = 1 WHERE owner = ? IF version = null", owner.asString())
            : cql.bind("UPDATE " + table + " SET version = ? WHERE owner = ? IF version = ?", expected + 1, owner.asString(), expected);
    }

    private Snapshot variables(Owner owner) {
        Optional<Snapshot> cached = cached(owner);
        if (cached.isPresent() && clock.millis() - cached.get().loadedAt() < refresh.toMillis()) {
            return cached.get();
        }
        try {
            return load(owner);
        } catch (StorageUnavailableException e) {
            if (cached.isEmpty()) {
                throw e;
            }
            LOGGER.warn("Cannot read the variables of {} again; serving those read {} ms ago: {}", owner,
                clock.millis() - cached.get().loadedAt(), e.getMessage());
            return cached.get();
        }
    }

    private Snapshot load(Owner owner) {
        long version = 0;
        Map<String, byte[]> values = new HashMap<>();
        for (Row row : cql.execute(cql.bind("SELECT version, name, value FROM " + table + " WHERE owner = ?", owner.asString()),
                "read the variables of " + owner)) {
            version = row.isNull("version") ? 0 : row.getLong("version");
            if (!row.isNull("name")) {
                ByteBuffer value = row.getByteBuffer("value");
                byte[] bytes = new byte[value.remaining()];
                value.get(bytes);
                values.put(row.getString("name"), bytes);
            }
        }
        Snapshot loaded = Snapshot.of(version, values, clock.millis());
        remember(owner, loaded);
        return loaded;
    }

    private Optional<Snapshot> cached(Owner owner) {
        synchronized (cache) {
            return Optional.ofNullable(cache.get(owner));
        }
    }

    private void remember(Owner owner, Snapshot snapshot) {
        synchronized (cache) {
            Snapshot previous = cache.get(owner);
            // A slower load must not replace a later version (versions only grow).
            if (previous != null && previous.version() > snapshot.version()) {
                return;
            }
            if (previous != null) {
                cachedBytes -= previous.usage().bytes();
            }
            cache.put(owner, snapshot);
            cachedBytes += snapshot.usage().bytes();
            List<Owner> evicted = new ArrayList<>();
            for (Map.Entry<Owner, Snapshot> entry : cache.entrySet()) {
                if (cachedBytes <= cacheBytes) {
                    break;
                }
                if (!entry.getKey().equals(owner)) {
                    evicted.add(entry.getKey());
                    cachedBytes -= entry.getValue().usage().bytes();
                }
            }
            evicted.forEach(cache::remove);
        }
    }

    private void forget(Owner owner) {
        synchronized (cache) {
            Snapshot removed = cache.remove(owner);
            if (removed != null) {
                cachedBytes -= removed.usage().bytes();
            }
        }
    }
}
