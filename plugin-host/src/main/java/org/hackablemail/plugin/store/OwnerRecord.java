package org.hackablemail.plugin.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hackablemail.plugin.PluginDigest;

/** What the file system store keeps per owner, as JSON: the versions pushed and which one is active. */
record OwnerRecord(Integer active, List<Version> versions) {

    record Version(int version, String digest, long size, String pushedAt, String pushedBy) {

        PluginVersion toPluginVersion(String owner) {
            return new PluginVersion(owner, version, new PluginDigest(digest), size, Instant.parse(pushedAt),
                pushedBy);
        }
    }

    static OwnerRecord empty() {
        return new OwnerRecord(null, List.of());
    }

    OwnerRecord withNewVersion(PluginDigest digest, long size, Instant pushedAt, String pushedBy) {
        int version = versions.size() + 1;
        List<Version> all = new ArrayList<>(versions);
        all.add(new Version(version, digest.hex(), size, pushedAt.toString(), pushedBy));
        return new OwnerRecord(version, all);
    }

    OwnerRecord withActive(Integer version) {
        return new OwnerRecord(version, versions);
    }

    Optional<Version> activeVersion() {
        return active == null ? Optional.empty() : version(active);
    }

    Optional<Version> version(int number) {
        return number >= 1 && number <= versions.size() ? Optional.of(versions.get(number - 1)) : Optional.empty();
    }
}
