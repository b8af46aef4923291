package org.hackablemail.storage.cassandra;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.hackablemail.core.Owner;
import org.hackablemail.core.store.PluginStore;
import org.hackablemail.core.store.PluginVersion;
import org.hackablemail.core.store.StorageUnavailableException;
import org.hackablemail.plugin.PluginDigest;
import org.hackablemail.plugin.simulation.SimulationReport;

import com.datastax.oss.driver.api.core.cql.Row;

/**
 * Plugins by owner in Cassandra: one row per owner ({@code plugin_owners}) holding its versions, the active one and
 * the configuration, as a JSON record with a revision number. Every change is a compare-and-set on the revision (a
 * lightweight transaction): two nodes pushing for one owner at once get distinct version numbers, a rollback never
 * activates a version another node has just forgotten, and nothing is lost to a concurrent change — the loser reads
 * again and retries. An owner's record is small: {@code keepVersions} versions and the active one.
 *
 * <p>Modules live in {@link CassandraModules}; each version holds a reference to its module, taken before the
 * version is recorded and given back when the version is forgotten (retention) or the owner deleted.
 */
public final class CassandraPluginStore implements PluginStore {
    static final CassandraTable OWNERS = CassandraTable.named("plugin_owners")
        .column("owner", "text")
        .column("revision", "bigint")
        .column("record", "text")
        .partitionKey("owner")
        .build();

    /** Compare-and-set attempts before a change is reported as too contended; each loses only to another change. */
    private static final int MAX_ATTEMPTS = 64;

    private final Cql cql;
    private final CassandraModules modules;
    private final Clock clock;
    private final int keepVersions;
    private final String owners;

    /**
     * @param keepVersions how many of an owner's latest versions a push keeps, besides the active one
     */
    public CassandraPluginStore(Cql cql, Clock clock, int keepVersions) {
        this.cql = cql;
        this.modules = new CassandraModules(cql);
        this.clock = clock;
        this.keepVersions = keepVersions;
        this.owners = cql.table(OWNERS.name());
    }

    /** The tables this store needs, for {@link CassandraSchema}. */
    public static List<CassandraTable> tables() {
        return List.of(OWNERS, CassandraModules.MODULES, CassandraModules.CHUNKS, CassandraModules.REFS);
    }

    @Override
    public PluginVersion push(Owner owner, byte[] wasm, String pushedBy, SimulationReport simulations) {
        PluginDigest digest = PluginDigest.of(wasm);
        UUID ref = modules.acquire(digest, wasm, owner);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        // A failure below keeps the reference: a write that timed out may have applied, and a version must never
        // lose its module. At worst a module stays stored that nothing uses.
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<Stored> current = read(owner);
            OwnerRecord before = current.map(Stored::record).orElse(OwnerRecord.EMPTY);
            OwnerRecord.Pushed pushed = before.push(new OwnerRecord.Version(before.nextVersion(), digest.hex(),
                wasm.length, now.toEpochMilli(), pushedBy, simulations, ref), keepVersions);
            if (write(owner, current, pushed.record())) {
                pushed.forgotten().forEach(version -> modules.releaseQuietly(version.pluginDigest(), version.ref()));
                return pushed.record().version(pushed.record().active()).orElseThrow().toPluginVersion(owner);
            }
        }
        modules.releaseQuietly(digest, ref);
        throw contended(owner);
    }

    @Override
    public Optional<PluginVersion> active(Owner owner) {
        return read(owner).flatMap(stored -> Optional.ofNullable(stored.record().active())
            .flatMap(stored.record()::version)
            .map(version -> version.toPluginVersion(owner)));
    }

    @Override
    public List<PluginVersion> history(Owner owner) {
        return read(owner).map(stored -> stored.record().versions().stream()
            .map(version -> version.toPluginVersion(owner))
            .toList()).orElse(List.of());
    }

    @Override
    public PluginVersion activate(Owner owner, int version) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<Stored> current = read(owner);
            OwnerRecord.Version found = current.flatMap(stored -> stored.record().version(version))
                .orElseThrow(() -> new IllegalArgumentException(owner + " has no plugin version " + version));
            if (write(owner, current, current.get().record().withActive(version))) {
                return found.toPluginVersion(owner);
            }
        }
        throw contended(owner);
    }

    @Override
    public void deactivate(Owner owner) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<Stored> current = read(owner);
            if (current.isEmpty() || current.get().record().active() == null
                || write(owner, current, current.get().record().withActive(null))) {
                return;
            }
        }
        throw contended(owner);
    }

    @Override
    public Optional<byte[]> module(PluginDigest digest) {
        return modules.read(digest);
    }

    @Override
    public Map<String, String> config(Owner owner) {
        return read(owner).map(stored -> stored.record().config()).orElse(Map.of());
    }

    @Override
    public void setConfig(Owner owner, Map<String, String> config) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<Stored> current = read(owner);
            if (write(owner, current, current.map(Stored::record).orElse(OwnerRecord.EMPTY).withConfig(config))) {
                return;
            }
        }
        throw contended(owner);
    }

    @Override
    public boolean delete(Owner owner) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<Stored> current = read(owner);
            if (current.isEmpty()) {
                return false;
            }
            if (cql.applied(cql.bind("DELETE FROM " + owners + " WHERE owner = ? IF revision = ?", owner.asString(),
                    current.get().revision()), "delete the plugins of " + owner)) {
                current.get().record().versions().forEach(version -> modules.releaseQuietly(version.pluginDigest(), version.ref()));
                return true;
            }
        }
        throw contended(owner);
    }

    @Override
    public List<Owner> owners() {
        List<Owner> found = new ArrayList<>();
        for (Row row : cql.execute(cql.bind("SELECT owner FROM " + owners), "list the plugin owners")) {
            found.add(Owner.of(row.getString("owner")));
        }
        return found;
    }

    /**
     * Stores an owner's plugins as another back-end held them (the same version numbers, times, authors, reports,
     * active version and configuration), unless Cassandra already has the owner: then nothing changes.
     *
     * @param modules each version's module by digest
     * @return whether the owner was copied
     * @throws IllegalStateException when a version's module is missing
     */
    boolean importOwner(Owner owner, List<PluginVersion> history, Optional<Integer> active, Map<String, String> config,
                        java.util.function.Function<PluginDigest, Optional<byte[]>> modules) {
        if (read(owner).isPresent()) {
            return false;
        }
        List<OwnerRecord.Version> versions = new ArrayList<>();
        for (PluginVersion version : history) {
            byte[] wasm = modules.apply(version.digest()).orElseThrow(() -> new IllegalStateException(
                "The module of version " + version.version() + " of " + owner + " (" + version.digest() + ") is missing"));
            versions.add(new OwnerRecord.Version(version.version(), version.digest().hex(), version.size(),
                version.pushedAt().toEpochMilli(), version.pushedBy(), version.simulations(),
                this.modules.acquire(version.digest(), wasm, owner)));
        }
        if (write(owner, Optional.empty(), new OwnerRecord(active.orElse(null), versions, config))) {
            return true;
        }
        versions.forEach(version -> this.modules.releaseQuietly(version.pluginDigest(), version.ref()));
        return false;
    }

    private Optional<Stored> read(Owner owner) {
        Row row = cql.execute(cql.bind("SELECT revision, record FROM " + owners + " WHERE owner = ?", owner.asString()),
            "read the plugins of " + owner).one();
        return Optional.ofNullable(row).map(found -> new Stored(found.getLong("revision"), OwnerRecord.fromJson(found.getString("record"))));
    }

    /** Replaces the record read as {@code current}, unless another change came first. */
    private boolean write(Owner owner, Optional<Stored> current, OwnerRecord changed) {
        String what = "store the plugins of " + owner;
        if (current.isEmpty()) {
            return cql.applied(cql.bind("INSERT INTO " + owners + " (owner, revision, record) VALUES (?, 1, ?) IF NOT EXISTS",
                owner.asString(), changed.toJson()), what);
        }
        long revision = current.get().revision();
        return cql.applied(cql.bind("UPDATE " + owners + " SET revision = ?, record = ? WHERE owner = ? IF revision = ?",
            revision + 1, changed.toJson(), owner.asString(), revision), what);
    }

    private static StorageUnavailableException contended(Owner owner) {
        return new StorageUnavailableException("The plugins of " + owner + " changed " + MAX_ATTEMPTS
            + " times while this change was attempted: try again", null);
    }

    /** An owner's record as read, with the revision a change must find. */
    private record Stored(long revision, OwnerRecord record) {
    }
}
