package org.hackablemail.storage.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hackablemail.core.Owner;
import org.hackablemail.core.SettableClock;
import org.hackablemail.core.store.VariableQuotas;
import org.hackablemail.core.store.VariableStore;
import org.hackablemail.core.store.VariableStoreContract;
import org.hackablemail.storage.cassandra.testing.TestKeyspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The contract, on stores that read Cassandra at every call (refresh 0); then what the cache changes when values are
 * served from memory for a while, as in production.
 */
class CassandraVariableStoreTest extends VariableStoreContract {
    private static final Owner DAVE = Owner.of("dave@example.org");
    private static final long CACHE_BYTES = 1024 * 1024;
    @RegisterExtension
    static TestKeyspace keyspace = new TestKeyspace("variables", List.of(CassandraVariableStore.VARIABLES));

    private VariableQuotas quotas;

    @Override
    protected VariableStore store(VariableQuotas quotas) {
        this.quotas = quotas;
        return new CassandraVariableStore(keyspace.nodeA(), quotas, CACHE_BYTES, Duration.ZERO, Clock.systemUTC());
    }

    @Override
    protected VariableStore otherNode(VariableStore first) {
        return new CassandraVariableStore(keyspace.nodeB(), quotas, CACHE_BYTES, Duration.ZERO, Clock.systemUTC());
    }

    @Test
    void aNodeShouldServeWhatItReadUntilTheRefreshIntervalHasPassed() throws Exception {
        SettableClock clock = new SettableClock();
        VariableStore nodeA = cachingStore(keyspace.nodeA(), clock);
        VariableStore nodeB = cachingStore(keyspace.nodeB(), clock);
        nodeB.get(DAVE, "a");

        nodeA.commit(DAVE, nodeA.version(DAVE), Map.of("a", Optional.of(bytes("1"))));

        assertThat(nodeB.get(DAVE, "a")).isEmpty();
        clock.advance(Duration.ofSeconds(5));
        assertThat(nodeB.get(DAVE, "a")).contains(bytes("1"));
    }

    @Test
    void aCommitOnWhatANodeHeldTooLongShouldFailAndTheRetryReadTheCurrentValues() throws Exception {
        SettableClock clock = new SettableClock();
        VariableStore nodeA = cachingStore(keyspace.nodeA(), clock);
        VariableStore nodeB = cachingStore(keyspace.nodeB(), clock);
        long stale = nodeB.version(DAVE);
        nodeA.commit(DAVE, nodeA.version(DAVE), Map.of("replied:alice", Optional.of(bytes("yes"))));

        assertThat(nodeB.commit(DAVE, stale, Map.of("replied:alice", Optional.of(bytes("again"))))).isFalse();

        long retried = nodeB.version(DAVE);
        assertThat(retried).isNotEqualTo(stale);
        assertThat(nodeB.get(DAVE, "replied:alice")).contains(bytes("yes"));
    }

    @Test
    void memoryShouldStayWithinTheCacheBytes() throws Exception {
        SettableClock clock = new SettableClock();
        CassandraVariableStore small = new CassandraVariableStore(keyspace.nodeA(), QUOTAS, 1000, Duration.ofSeconds(5), clock);
        for (int i = 0; i < 20; i++) {
            Owner owner = Owner.of("owner" + i + "@example.org");
            small.commit(owner, small.version(owner), Map.of("v", Optional.of(new byte[99])));
        }

        assertThat(small.bytesInMemory()).isLessThanOrEqualTo(1000);
        assertThat(small.get(Owner.of("owner0@example.org"), "v")).hasValueSatisfying(value -> assertThat(value).hasSize(99));
    }

    private static VariableStore cachingStore(Cql cql, Clock clock) {
        return new CassandraVariableStore(cql, QUOTAS, CACHE_BYTES, Duration.ofSeconds(5), clock);
    }
}
