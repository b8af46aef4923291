package org.hackablemail.core.trace;

import org.hackablemail.core.Owner;

/**
 * Each owner's trace: a bounded record of every run of their plugin ({@link TraceRetention}). An owner's entries
 * are never read through another owner. Storage failures surface as
 * {@link org.hackablemail.core.store.StorageUnavailableException}; the trace is never worth failing a message for,
 * so its writers catch them.
 */
public interface TraceStore {

    /**
     * Appends the entry to its owner's trace, with the next id of that owner (the entry's own id is ignored), and
     * lets the oldest entries go beyond the retention bounds.
     *
     * @return the entry as stored, with its id
     */
    TraceEntry append(TraceEntry entry);

    /** The owner's entries that match the query and are within the retention bounds now. */
    TracePage read(Owner owner, TraceQuery query);

    /**
     * The id of the owner's latest entry (after a delete, maybe that of the last entry deleted); 0 when the owner
     * never had one. Cheap: long polls ask it often.
     */
    long latestId(Owner owner);

    /** Forgets the owner's trace. */
    void delete(Owner owner);

    /** Lets go of what is older than the retention's age everywhere, for owners no new entry comes for. */
    void purgeExpired();
}
