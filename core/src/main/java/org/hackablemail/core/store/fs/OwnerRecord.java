package org.hackablemail.core.store.fs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.hackablemail.core.Owner;
import org.hackablemail.core.store.PluginVersion;
import org.hackablemail.plugin.PluginDigest;
import org.hackablemail.plugin.simulation.SimulationReport;

/**
 * What the file system store keeps per owner, as JSON: the versions kept, oldest first, which one is active, and the
 * plugin's configuration. Records written before configuration existed read as an empty configuration.
 */
record OwnerRecord(Integer active, List<Version> versions, Map<String, String> config) {

    OwnerRecord {
        versions = versions == null ? List.of() : List.copyOf(versions);
        config = config == null ? Map.of() : Map.copyOf(config);
    }

    record Version(int version, String digest, long size, String pushedAt, String pushedBy,
                   SimulationReport simulations) {

        PluginVersion toPluginVersion(Owner owner) {
            return new PluginVersion(owner, version, pluginDigest(), size, Instant.parse(pushedAt), pushedBy,
                simulations);
        }

        PluginDigest pluginDigest() {
            return new PluginDigest(digest);
        }
    }

    static OwnerRecord empty() {
        return new OwnerRecord(null, List.of(), Map.of());
    }

    /** Not a bean property name: Jackson would write it, then refuse to read it back. */
    boolean holdsNothing() {
        return versions.isEmpty() && config.isEmpty();
    }

    /** The record with a new active version numbered above the others, and only the last {@code keep} besides. */
    OwnerRecord withNewVersion(PluginDigest digest, long size, Instant pushedAt, String pushedBy,
                               SimulationReport simulations, int keep) {
        int version = versions.isEmpty() ? 1 : versions.get(versions.size() - 1).version() + 1;
        List<Version> all = new ArrayList<>(versions);
        all.add(new Version(version, digest.hex(), size, pushedAt.toString(), pushedBy, simulations));
        List<Version> kept = all.subList(Math.max(0, all.size() - keep), all.size());
        return new OwnerRecord(version, kept, config);
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
        return versions.stream().filter(candidate -> candidate.version() == number).findFirst();
    }

    Set<PluginDigest> digests() {
        return versions.stream().map(Version::pluginDigest).collect(Collectors.toSet());
    }
}
