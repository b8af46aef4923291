package org.hackablemail.storage.cassandra;

import java.time.Clock;

import org.hackablemail.core.store.AuditLog;
import org.hackablemail.core.store.AuditLogContract;
import org.hackablemail.storage.cassandra.testing.SharedCassandra;
import org.hackablemail.storage.cassandra.testing.TestKeyspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedCassandra.class)
class CassandraAuditLogTest extends AuditLogContract {
    private static TestKeyspace keyspace;

    private Clock clock;

    @BeforeAll
    static void createKeyspace() {
        keyspace = TestKeyspace.create("audit", CassandraAuditLog.tables());
    }

    @AfterAll
    static void closeSessions() {
        keyspace.close();
    }

    @BeforeEach
    void emptyTables() {
        keyspace.empty();
    }

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
