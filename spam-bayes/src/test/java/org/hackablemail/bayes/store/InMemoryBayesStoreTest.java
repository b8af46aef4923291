package org.hackablemail.bayes.store;

import java.util.Optional;

/** The contract against the in-memory store, with a second client: checks the contract's multi-node test itself. */
class InMemoryBayesStoreTest extends BayesStoreContract {
    private final InMemoryBayesStore store = new InMemoryBayesStore();

    @Override
    protected BayesStore store() {
        return store;
    }

    @Override
    protected BayesStore reopen() {
        return store;
    }

    @Override
    protected Optional<BayesStore> secondClient() {
        return Optional.of(store.client());
    }
}
