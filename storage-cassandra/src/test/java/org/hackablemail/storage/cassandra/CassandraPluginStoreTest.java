package org.hackablemail.storage.cassandra;

import java.time.Clock;

import org.hackablemail.core.store.PluginStore;
import org.hackablemail.core.store.PluginStoreContract;
import org.hackablemail.storage.cassandra.testing.TestKeyspace;
import org.junit.jupiter.api.extension.RegisterExtension;

class CassandraPluginStoreTest extends PluginStoreContract {
    @RegisterExtension
    static TestKeyspace keyspace = new TestKeyspace("plugins", CassandraPluginStore.tables());

    private Clock clock;
    private int keepVersions;

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
