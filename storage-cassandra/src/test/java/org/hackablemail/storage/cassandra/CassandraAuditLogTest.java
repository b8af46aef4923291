package org.hackablemail.storage.cassandra;

import java.time.Clock;

import org.hackablemail.core.store.AuditLog;
import org.hackablemail.core.store.AuditLogContract;
import org.hackablemail.storage.cassandra.testing.TestKeyspace;
import org.junit.jupiter.api.extension.RegisterExtension;

class CassandraAuditLogTest extends AuditLogContract {
    @RegisterExtension
    static TestKeyspace keyspace = new TestKeyspace("audit", CassandraAuditLog.tables());

    private Clock clock;

    @Override
    protected AuditLog log(Clock clock) {
        this.clock = clock;
        return new CassandraAuditLog(keyspace.nodeA(), clock);
    }

    @Override
    protected AuditLog otherNode(AuditLog first) {
        return new CassandraAuditLog(keyspace.nodeB(), clock);
    }
}
