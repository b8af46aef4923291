package org.hackablemail.storage.cassandra;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hackablemail.core.Owner;
import org.hackablemail.core.circuit.Circuit;
import org.hackablemail.core.circuit.CircuitStore;
import org.hackablemail.core.circuit.Fallback;

import com.datastax.oss.driver.api.core.cql.Row;

/**
 * The circuit breakers' states in Cassandra, one row per owner ({@code plugin_circuits}), shared by every node. Every
 * write is a lightweight transaction on the row's {@code version} ({@code IF NOT EXISTS} for the first, {@code IF
 * version = ?} after, {@code IF EXISTS} to delete) and reads are serial, so of two nodes counting a failure at once
 * exactly one applies and the other reads the winner's count before trying again: a plugin is suspended, and its
 * owner told, once.
 *
 * <p>{@link #suspended()} reads one small partition ({@code plugin_suspensions}) instead of scanning every owner who
 * ever had a failure: a suspending commit writes the owner there first, so the list holds every suspended owner, and
 * perhaps some no longer suspended (a lost race, a reset, a deletion). Those are checked against their circuit and
 * dropped from the list, with a delete at the time of the entry they saw, so that a suspension written again since
 * stays. An entry younger than {@link #SETTLE} is left alone: its suspending commit, on another node, may not have
 * applied yet, and deleting the entry then would lose a suspension from the list for good.</p>
 */
public final class CassandraCircuitStore implements CircuitStore {
    static final CassandraTable CIRCUITS = CassandraTable.named("plugin_circuits")
        .column("owner", "text")
        .column("version", "bigint")
        .column("failures", "int")
        .column("senders", "list<text>")
        .column("last_reasons", "list<text>")
        .column("suspended_at", "timestamp")
        .column("fallback", "text")
        .partitionKey("owner")
        .build();
    static final CassandraTable SUSPENSIONS = CassandraTable.named("plugin_suspensions")
        .column("shard", "int")
        .column("owner", "text")
        .column("suspended_at", "timestamp")
        .partitionKey("shard")
        .clustering("owner")
        .build();
    /** Suspended owners are few: one partition lists them all. */
    private static final int SHARD = 0;
    /** Far more than a commit takes, and than nodes' clocks may differ (docs/cassandra.md). */
    static final Duration SETTLE = Duration.ofMinutes(5);

    private final Cql cql;
    private final Clock clock;
    private final String table;
    private final String suspensions;

    public CassandraCircuitStore(Cql cql, Clock clock) {
        this.cql = cql;
        this.clock = clock;
        this.table = cql.table(CIRCUITS.name());
        this.suspensions = cql.table(SUSPENSIONS.name());
    }

    static List<CassandraTable> tables() {
        return List.of(CIRCUITS, SUSPENSIONS);
    }

    @Override
    public Circuit read(Owner owner) {
        Row row = cql.execute(cql.bindSerialRead("SELECT version, failures, senders, last_reasons, suspended_at, fallback FROM "
            + table + " WHERE owner = ?", owner.asString()), "read the circuit breaker's state of " + owner).one();
        if (row == null) {
            return Circuit.INITIAL;
        }
        return new Circuit(row.getLong("version"), row.getInt("failures"), row.getList("senders", String.class),
            row.getList("last_reasons", String.class), Optional.ofNullable(row.getInstant("suspended_at")),
            Fallback.parse(row.getString("fallback")));
    }

    @Override
    public boolean commit(Owner owner, long expectedVersion, Circuit next) {
        Object[] values = {expectedVersion + 1, next.failures(), next.senders(), next.lastReasons(),
            next.suspendedAt().orElse(null), next.fallback().label(), owner.asString()};
        String what = "store the circuit breaker's state of " + owner;
        if (next.suspendedAt().isPresent()) {
            // Before the compare-and-set: a node dying between the two leaves an entry too many, never one too few.
            cql.execute(cql.bind("INSERT INTO " + suspensions + " (shard, owner, suspended_at) VALUES (?, ?, ?)", SHARD,
                owner.asString(), next.suspendedAt().get()), what);
        }
        if (expectedVersion == 0) {
            return cql.applied(cql.bind("INSERT INTO " + table + " (version, failures, senders, last_reasons, suspended_at, "
                + "fallback, owner) VALUES (?, ?, ?, ?, ?, ?, ?) IF NOT EXISTS", values), what);
        }
        Object[] withExpected = new Object[values.length + 1];
        System.arraycopy(values, 0, withExpected, 0, values.length);
        withExpected[values.length] = expectedVersion;
        return cql.applied(cql.bind("UPDATE " + table + " SET version = ?, failures = ?, senders = ?, last_reasons = ?, "
            + "suspended_at = ?, fallback = ? WHERE owner = ? IF version = ?", withExpected), what);
    }

    @Override
    public void delete(Owner owner) {
        cql.applied(cql.bind("DELETE FROM " + table + " WHERE owner = ? IF EXISTS", owner.asString()),
            "delete the circuit breaker's state of " + owner);
    }

    @Override
    public List<Owner> suspended() {
        String what = "list the suspended plugins";
        List<Owner> owners = new ArrayList<>();
        long settledBefore = ChronoUnit.MICROS.between(Instant.EPOCH, clock.instant().minus(SETTLE));
        for (Row row : cql.execute(cql.bind("SELECT owner, WRITETIME(suspended_at) AS written FROM " + suspensions
                + " WHERE shard = ?", SHARD), what)) {
            Owner owner = Owner.of(row.getString("owner"));
            if (read(owner).suspended()) {
                owners.add(owner);
            } else if (row.getLong("written") < settledBefore) {
                cql.execute(cql.bind("DELETE FROM " + suspensions + " USING TIMESTAMP ? WHERE shard = ? AND owner = ?",
                    row.getLong("written"), SHARD, owner.asString()), what);
            }
        }
        return owners;
    }
}
