package org.hackablemail.storage.cassandra;

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
 * <p>{@link #suspended()} scans the table: it has a row only for owners whose plugin failed or who chose a fallback,
 * and it serves the status page, not the mail path.
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

    private final Cql cql;
    private final String table;

    public CassandraCircuitStore(Cql cql) {
        this.cql = cql;
        this.table = cql.table(CIRCUITS.name());
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
        List<Owner> owners = new ArrayList<>();
        for (Row row : cql.execute(cql.bind("SELECT owner, suspended_at FROM " + table), "list the suspended plugins")) {
            if (!row.isNull("suspended_at")) {
                owners.add(Owner.of(row.getString("owner")));
            }
        }
        return owners;
    }
}
