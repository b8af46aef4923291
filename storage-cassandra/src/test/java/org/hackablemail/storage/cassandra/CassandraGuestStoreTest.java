package org.hackablemail.storage.cassandra;

import java.time.Clock;

import org.hackablemail.core.store.GuestStore;
import org.hackablemail.core.store.GuestStoreContract;
import org.hackablemail.storage.cassandra.testing.TestKeyspace;
import org.junit.jupiter.api.extension.RegisterExtension;

class CassandraGuestStoreTest extends GuestStoreContract {
    @RegisterExtension
    static TestKeyspace keyspace = new TestKeyspace("guests", CassandraGuestStore.tables());

    @Override
    protected GuestStore store() {
        return new CassandraGuestStore(keyspace.nodeA(), Clock.systemUTC());
    }

    @Override
    protected GuestStore otherNode(GuestStore first) {
        return new CassandraGuestStore(keyspace.nodeB(), Clock.systemUTC());
    }
}
