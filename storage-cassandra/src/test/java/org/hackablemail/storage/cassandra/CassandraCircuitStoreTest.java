package org.hackablemail.storage.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.hackablemail.core.circuit.Circuit;
import org.hackablemail.core.circuit.CircuitStore;
import org.hackablemail.core.circuit.CircuitStoreContract;
import org.hackablemail.storage.cassandra.testing.TestKeyspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The contract on Cassandra; then two nodes counting on the same owner. */
class CassandraCircuitStoreTest extends CircuitStoreContract {
    @RegisterExtension
    static TestKeyspace keyspace = new TestKeyspace("circuits", CassandraCircuitStore.tables());

    @Override
    protected CircuitStore store() {
        return new CassandraCircuitStore(keyspace.nodeA(), Clock.systemUTC());
    }

    @Test
    void aNodeShouldReadWhatAnotherCommittedAndItsStaleCommitShouldFail() {
        CircuitStore nodeA = store();
        CircuitStore nodeB = new CassandraCircuitStore(keyspace.nodeB(), Clock.systemUTC());
        Circuit seenByB = nodeB.read(BOB);

        assertThat(nodeA.commit(BOB, 0, Circuit.INITIAL.withFailure("a@x.example", "trap", 3))).isTrue();

        assertThat(nodeB.commit(BOB, seenByB.version(), seenByB.withFailure("b@y.example", "trap", 3))).isFalse();
        Circuit reread = nodeB.read(BOB);
        assertThat(reread.failures()).isEqualTo(1);
        assertThat(nodeB.commit(BOB, reread.version(), reread.withFailure("b@y.example", "trap", 3))).isTrue();
        assertThat(nodeA.read(BOB).senders()).containsExactly("a@x.example", "b@y.example");
    }

    @Test
    void suspendedShouldBeSeenFromEveryNode() {
        store().commit(BOB, 0, SUSPENDED);

        assertThat(new CassandraCircuitStore(keyspace.nodeB(), Clock.systemUTC()).suspended()).containsExactly(BOB);
    }

    @Test
    void suspendedShouldKeepAFreshEntryWhoseSuspendingCommitHasNotAppliedYet() {
        // What another node's suspending commit writes first; its compare-and-set on the circuit comes next.
        Cql cql = keyspace.nodeA();
        cql.execute(cql.bind("INSERT INTO " + cql.table(CassandraCircuitStore.SUSPENSIONS.name())
            + " (shard, owner, suspended_at) VALUES (0, ?, ?)", BOB.asString(), Instant.now()), "test");

        assertThat(store().suspended()).isEmpty();

        assertThat(suspensionEntries(cql)).as("kept for the commit to come").isEqualTo(1);
    }

    @Test
    void suspendedShouldDropAnEntryNoLongerSuspendedOnceItHasSettled() {
        store().commit(BOB, 0, SUSPENDED);
        store().commit(BOB, 1, SUSPENDED.reset());
        CircuitStore later = new CassandraCircuitStore(keyspace.nodeA(),
            Clock.offset(Clock.systemUTC(), CassandraCircuitStore.SETTLE.plusMinutes(1)));

        assertThat(later.suspended()).isEmpty();

        assertThat(suspensionEntries(keyspace.nodeA())).isZero();
    }

    private static long suspensionEntries(Cql cql) {
        return cql.execute(cql.bind("SELECT owner FROM " + cql.table(CassandraCircuitStore.SUSPENSIONS.name())
            + " WHERE shard = 0"), "test").all().size();
    }
}
