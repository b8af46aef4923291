package org.hackablemail.storage.cassandra;

import java.time.Clock;

import org.hackablemail.core.store.PluginStore;
import org.hackablemail.core.store.PluginStoreContract;
import org.hackablemail.storage.cassandra.testing.SharedCassandra;
import org.hackablemail.storage.cassandra.testing.TestKeyspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedCassandra.class)
class CassandraPluginStoreTest extends PluginStoreContract {
    private static TestKeyspace keyspace;

    private Clock clock;
    private int keepVersions;

    @BeforeAll
    static void createKeyspace() {
        keyspace = TestKeyspace.create("plugins", CassandraPluginStore.tables());
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
    protected PluginStore store(Clock clock, int keepVersions) {
        this.clock = clock;
        this.keepVersions = keepVersions;
        return new CassandraPluginStore(keyspace.nodeA(), clock, keepVersions);
    }

    @Override
    protected PluginStore otherNode(PluginStore first) {
        return new CassandraPluginStore(keyspace.nodeB(), clock, keepVersions);
    }
}
