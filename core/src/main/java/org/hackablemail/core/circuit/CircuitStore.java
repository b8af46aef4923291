package org.hackablemail.core.circuit;

import java.util.List;

import org.hackablemail.core.Owner;

/**
 * The circuit breakers' state, shared by every James node: changes are compare-and-set on the state's version, so
 * that of two nodes recording failures at once, one retries, and only one suspends a plugin (and notifies its owner).
 * Failures surface as {@link org.hackablemail.core.store.StorageUnavailableException}.
 */
public interface CircuitStore {

    /** The owner's state; {@link Circuit#INITIAL} when none was stored. */
    Circuit read(Owner owner);

    /**
     * Stores {@code next} as version {@code expectedVersion + 1}, if the stored version is still {@code expectedVersion}.
     *
     * @return false, changing nothing, when another change came first
     */
    boolean commit(Owner owner, long expectedVersion, Circuit next);

    /** Forgets the owner's state, fallback included. */
    void delete(Owner owner);

    /** The owners whose plugin is suspended, in no particular order. */
    List<Owner> suspended();
}
