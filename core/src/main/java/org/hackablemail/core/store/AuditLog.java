package org.hackablemail.core.store;

import java.util.List;
import java.util.Optional;

import org.hackablemail.core.Owner;

/**
 * The append-only record of every change to owners' plugins, configuration, guests and tokens, for administrators.
 * Storage failures surface as {@link java.io.UncheckedIOException}.
 */
public interface AuditLog {

    void record(String actor, Owner owner, String action, String detail);

    /** The most recent entries, oldest first, at most {@code limit}; of one owner when given. */
    List<AuditEntry> read(Optional<Owner> owner, int limit);
}
