package org.hackablemail.core.store.fs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hackablemail.core.Owner;
import org.hackablemail.core.store.PluginVersion;
import org.hackablemail.plugin.PluginDigest;
import org.hackablemail.plugin.simulation.SimulationReport;

/**
 * What the file system store keeps per owner, as JSON: the versions pushed, which one is active, and the plugin's
 * configuration. Records written before configuration existed read as an empty configuration.
 */
record OwnerRecord(Integer active, List<Version> versions, Map<String, String> config) {

    OwnerRecord {
        config = config == null ? Map.of() : Map.copyOf(config);
    }

    record Version(int version, String digest, long size, String pushedAt, String pushedBy,
                   SimulationReport simulations) {

        PluginVersion toPluginVersion(Owner owner) {
            return new PluginVersion(owner, version, new PluginDigest(digest), size, Instant.parse(pushedAt),
                pushedBy, simulations);
        }
    }

    static OwnerRecord empty() {
        return new OwnerRecord(null, List.of(), Map.of());
    }

    OwnerRecord withNewVersion(PluginDigest digest, long size, Instant pushedAt, String pushedBy,
                               SimulationReport simulations) {
        int version = versions.size() + 1;
        List<Version> all = new ArrayList<>(versions);
        all.add(new Version(version, digest.hex(), size, pushedAt.toString(), pushedBy, simulations));
        return new OwnerRecord(version, all, config);
    }

    OwnerRecord withActive(Integer version) {
        return new OwnerRecord(version, versions, config);
    }

    OwnerRecord withConfig(Map<String, String> newConfig) {
        return new OwnerRecord(active, versions, newConfig);
    }

    Optional<Version> activeVersion() {
        return active == null ? Optional.empty() : version(active);
    }

    Optional<Version> version(int number) {
        return number >= 1 && number <= versions.size() ? Optional.of(versions.get(number - 1)) : Optional.empty();
    }
}
