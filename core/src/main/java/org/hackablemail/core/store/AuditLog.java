package org.hackablemail.core.store;

import java.util.List;
import java.util.Optional;

import org.hackablemail.core.Owner;

/**
 * The append-only record of every change to owners' plugins, configuration, guests and tokens, for administrators.
 * Outages surface as {@link StorageUnavailableException}.
 */
public interface AuditLog {

    void record(String actor, Owner owner, String action, String detail);

    /**
     * The most recent entries, at most {@code limit}, of one owner when given; oldest first by time, and the
     * entries one node recorded in the order it recorded them.
     */
    List<AuditEntry> read(Optional<Owner> owner, int limit);
}
