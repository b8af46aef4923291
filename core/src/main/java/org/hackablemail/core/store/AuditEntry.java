package org.hackablemail.core.store;

import java.time.Instant;
import java.util.Objects;

import org.hackablemail.core.Owner;

/**
 * One change to an owner's plugins or access: who did what, when.
 *
 * @param actor who made the change, e.g. {@code admin:jane} or the owner's address
 * @param owner whose plugin or access changed
 * @param action what changed, e.g. {@code push}, {@code activate}, {@code config}, {@code delete}
 * @param detail what the action concerned, e.g. the version number; may be empty
 */
public record AuditEntry(Instant time, String actor, Owner owner, String action, String detail) {

    public AuditEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(action, "action");
        detail = detail == null ? "" : detail;
    }
}
