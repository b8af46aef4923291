package org.hackablemail.core.store;

import java.time.Instant;
import java.util.Objects;

import org.hackablemail.core.Owner;
import org.hackablemail.plugin.PluginDigest;
import org.hackablemail.plugin.simulation.SimulationReport;

/**
 * One version of an owner's plugin.
 *
 * @param version 1 for the owner's first push, then counting up
 * @param size of the module in bytes
 * @param pushedBy who pushed it: the owner, or an administrator
 * @param simulations the report of the simulations it went through when pushed; null when it was pushed without
 */
public record PluginVersion(Owner owner, int version, PluginDigest digest, long size, Instant pushedAt,
                            String pushedBy, SimulationReport simulations) {

    public PluginVersion {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(pushedAt, "pushedAt");
        Objects.requireNonNull(pushedBy, "pushedBy");
    }

    /** A version pushed without simulations. */
    public PluginVersion(Owner owner, int version, PluginDigest digest, long size, Instant pushedAt, String pushedBy) {
        this(owner, version, digest, size, pushedAt, pushedBy, null);
    }
}
