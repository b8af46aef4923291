package org.hackablemail.storage.cassandra;

import java.time.Clock;

import org.hackablemail.core.store.GuestStore;
import org.hackablemail.core.store.GuestStoreContract;
import org.hackablemail.storage.cassandra.testing.SharedCassandra;
import org.hackablemail.storage.cassandra.testing.TestKeyspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedCassandra.class)
class CassandraGuestStoreTest extends GuestStoreContract {
    private static TestKeyspace keyspace;

    @BeforeAll
    static void createKeyspace() {
        keyspace = TestKeyspace.create("guests", CassandraGuestStore.tables());
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
    protected GuestStore store() {
        return new CassandraGuestStore(keyspace.nodeA(), Clock.systemUTC());
    }

    @Override
    protected GuestStore otherNode(GuestStore first) {
        return new CassandraGuestStore(keyspace.nodeB(), Clock.systemUTC());
    }
}
