package org.hackablemail.storage.cassandra;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.hackablemail.core.Owner;
import org.hackablemail.core.store.PluginVersion;
import org.hackablemail.plugin.PluginDigest;
import org.hackablemail.plugin.simulation.SimulationReport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What {@link CassandraPluginStore} keeps per owner, as JSON in one cell: the versions kept (oldest first), the
 * active one, the configuration. Changed only by making a new record, written by compare-and-set.
 *
 * @param active the active version's number, null when none
 */
record OwnerRecord(Integer active, List<Version> versions, Map<String, String> config) {
    static final OwnerRecord EMPTY = new OwnerRecord(null, List.of(), Map.of());

    private static final ObjectMapper JSON = new ObjectMapper()
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    OwnerRecord {
        versions = List.copyOf(versions);
        config = config == null ? Map.of() : Map.copyOf(config);
    }

    /**
     * One version.
     *
     * @param pushedAt epoch milliseconds
     * @param ref      the version's reference to its module ({@link CassandraModules})
     */
    record Version(int version, String digest, long size, long pushedAt, String pushedBy, SimulationReport simulations,
                   UUID ref) {

        PluginDigest pluginDigest() {
            return new PluginDigest(digest);
        }

        PluginVersion toPluginVersion(Owner owner) {
            return new PluginVersion(owner, version, pluginDigest(), size, Instant.ofEpochMilli(pushedAt), pushedBy,
                simulations);
        }
    }

    /** A push's outcome: the new record, and the versions retention forgot. */
    record Pushed(OwnerRecord record, List<Version> forgotten) {
    }

    /** One above the highest version kept; 1 for an owner with none. */
    int nextVersion() {
        return versions.stream().mapToInt(Version::version).max().orElse(0) + 1;
    }

    /** Adds the version as the active one, then keeps the latest {@code keepVersions} and the active one. */
    Pushed push(Version added, int keepVersions) {
        List<Version> all = new ArrayList<>(versions);
        all.add(added);
        all.sort(Comparator.comparingInt(Version::version));
        List<Version> kept = new ArrayList<>();
        List<Version> forgotten = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Version version = all.get(i);
            boolean recent = i >= all.size() - keepVersions;
            (recent || version.version() == added.version() ? kept : forgotten).add(version);
        }
        return new Pushed(new OwnerRecord(added.version(), kept, config), forgotten);
    }

    OwnerRecord withActive(Integer version) {
        return new OwnerRecord(version, versions, config);
    }

    OwnerRecord withConfig(Map<String, String> newConfig) {
        return new OwnerRecord(active, versions, newConfig);
    }

    Optional<Version> version(int number) {
        return versions.stream().filter(version -> version.version() == number).findFirst();
    }

    String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An owner's plugins are always JSON", e);
        }
    }

    static OwnerRecord fromJson(String json) {
        try {
            return JSON.readValue(json, OwnerRecord.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable plugin record in Cassandra: " + e.getOriginalMessage(), e);
        }
    }
}
