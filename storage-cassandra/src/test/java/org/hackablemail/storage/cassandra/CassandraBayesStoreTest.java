package org.hackablemail.storage.cassandra;

import java.time.Clock;
import java.util.Optional;

import org.hackablemail.bayes.store.BayesStore;
import org.hackablemail.bayes.store.BayesStoreContract;
import org.hackablemail.storage.cassandra.testing.TestKeyspace;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Bayes store's contract on Cassandra, the second client on a driver session of its own (another node). */
class CassandraBayesStoreTest extends BayesStoreContract {
    @RegisterExtension
    static TestKeyspace keyspace = new TestKeyspace("bayes", CassandraBayesStore.tables());

    private CassandraBayesStore store;

    @Override
    protected BayesStore store() {
        if (store == null) {
            store = new CassandraBayesStore(keyspace.nodeA(), Clock.systemUTC());
        }
        return store;
    }

    @Override
    protected BayesStore reopen() {
        store().close();
        store = new CassandraBayesStore(keyspace.nodeA(), Clock.systemUTC());
        return store;
    }

    @Override
    protected Optional<BayesStore> secondClient() {
        return Optional.of(new CassandraBayesStore(keyspace.nodeB(), Clock.systemUTC()));
    }
}
