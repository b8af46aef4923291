package org.hackablemail.storage.cassandra;

import java.time.Clock;
import java.util.List;

import org.hackablemail.core.trace.TraceRetention;
import org.hackablemail.core.trace.TraceStore;
import org.hackablemail.core.trace.TraceStoreContract;
import org.hackablemail.storage.cassandra.testing.TestKeyspace;
import org.junit.jupiter.api.extension.RegisterExtension;

class CassandraTraceStoreTest extends TraceStoreContract {
    @RegisterExtension
    static TestKeyspace keyspace = new TestKeyspace("trace", List.of(CassandraTraceStore.TRACE));

    private TraceRetention retention;

    @Override
    protected TraceStore store(TraceRetention retention, Clock clock) {
        this.retention = retention;
        return new CassandraTraceStore(keyspace.nodeA(), retention, clock);
    }

    @Override
    protected TraceStore otherNode(TraceStore first) {
        return new CassandraTraceStore(keyspace.nodeB(), retention, clock);
    }
}
