package org.hackablemail.storage.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

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
        return new CassandraCircuitStore(keyspace.nodeA());
    }

    @Test
    void aNodeShouldReadWhatAnotherCommittedAndItsStaleCommitShouldFail() {
        CircuitStore nodeA = store();
        CircuitStore nodeB = new CassandraCircuitStore(keyspace.nodeB());
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

        assertThat(new CassandraCircuitStore(keyspace.nodeB()).suspended()).containsExactly(BOB);
    }
}
