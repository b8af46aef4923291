package org.hackablemail.core.store.fs;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.hackablemail.core.Owner;
import org.hackablemail.core.store.PluginStore;
import org.hackablemail.core.store.PluginVersion;
import org.hackablemail.core.store.StorageUnavailableException;
import org.hackablemail.plugin.PluginDigest;
import org.hackablemail.plugin.simulation.SimulationReport;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A {@link PluginStore} in a directory of its own, which it alone writes (one James node):
 * <pre>
 * modules/ab/abcdef….wasm         one file per module, named by its SHA-256
 * owners/bob%40example.org.json   the owner's versions, the active one, and the plugin's configuration
 * </pre>
 * Every file is written atomically, the module before the record that names it, so a crash never leaves a
 * half-written plugin active; at worst an unreferenced module, which the next start deletes. Which owners refer to
 * which module is kept in memory (read from the records at start), so that modules are deleted as soon as no version
 * refers to them. Writes are serialized; reads take no lock.
 */
public final class FileSystemPluginStore implements PluginStore {
    /** Keeps owner file names well under the usual 255-byte limit. */
    private static final int MAX_OWNER_FILE_NAME = 200;
    private static final String OWNER_FILE_SUFFIX = ".json";
    private static final String MODULE_FILE_SUFFIX = ".wasm";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path modules;
    private final Path owners;
    private final Clock clock;
    private final int keepVersions;
    /** Guarded by this. */
    private final Map<PluginDigest, Set<Owner>> referencedBy = new HashMap<>();

    /**
     * @param keepVersions how many of an owner's latest versions a push keeps (the active one is always kept)
     * @throws StorageUnavailableException when the directory cannot be read
     */
    public FileSystemPluginStore(Path directory, Clock clock, int keepVersions) {
        if (keepVersions < 1) {
            throw new IllegalArgumentException("At least one version must be kept, not " + keepVersions);
        }
        this.modules = directory.resolve("modules");
        this.owners = directory.resolve("owners");
        this.clock = clock;
        this.keepVersions = keepVersions;
        try {
            AtomicFiles.deleteLeftovers(directory);
            for (Owner owner : owners()) {
                load(owner).digests().forEach(digest -> reference(digest, owner));
            }
            deleteUnreferencedModules();
        } catch (IOException e) {
            throw new StorageUnavailableException("Cannot open the plugin store " + directory, e);
        }
    }

    @Override
    public synchronized PluginVersion push(Owner owner, byte[] wasm, String pushedBy, SimulationReport simulations) {
        PluginDigest digest = PluginDigest.of(wasm);
        try {
            Path module = modulePath(digest);
            if (!Files.exists(module)) {
                AtomicFiles.write(module, wasm);
            }
            OwnerRecord before = load(owner);
            OwnerRecord updated = before.withNewVersion(digest, wasm.length, clock.instant(), pushedBy, simulations,
                keepVersions);
            save(owner, updated);
            reference(digest, owner);
            forgetReferences(owner, before, updated);
            return updated.activeVersion().orElseThrow().toPluginVersion(owner);
        } catch (IOException e) {
            throw new StorageUnavailableException("Cannot store the plugin of " + owner, e);
        }
    }

    @Override
    public Optional<PluginVersion> active(Owner owner) {
        return read(owner).activeVersion().map(version -> version.toPluginVersion(owner));
    }

    @Override
    public List<PluginVersion> history(Owner owner) {
        return read(owner).versions().stream()
            .map(version -> version.toPluginVersion(owner))
            .collect(Collectors.toList());
    }

    @Override
    public synchronized PluginVersion activate(Owner owner, int version) {
        OwnerRecord record = read(owner);
        PluginVersion activated = record.version(version)
            .orElseThrow(() -> new IllegalArgumentException(owner + " has no plugin version " + version))
            .toPluginVersion(owner);
        update(owner, record.withActive(version));
        return activated;
    }

    @Override
    public synchronized void deactivate(Owner owner) {
        OwnerRecord record = read(owner);
        if (record.active() != null) {
            update(owner, record.withActive(null));
        }
    }

    @Override
    public Optional<byte[]> module(PluginDigest digest) {
        try {
            byte[] wasm = Files.readAllBytes(modulePath(digest));
            if (!PluginDigest.of(wasm).equals(digest)) {
                throw new IllegalStateException("The plugin module " + digest + " on disk is damaged: its "
                    + wasm.length + " bytes do not match its digest");
            }
            return Optional.of(wasm);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StorageUnavailableException("Cannot read the plugin " + digest, e);
        }
    }

    @Override
    public Map<String, String> config(Owner owner) {
        return read(owner).config();
    }

    @Override
    public synchronized void setConfig(Owner owner, Map<String, String> config) {
        update(owner, read(owner).withConfig(config));
    }

    @Override
    public synchronized boolean delete(Owner owner) {
        OwnerRecord record = read(owner);
        try {
            Files.deleteIfExists(ownerPath(owner));
            forgetReferences(owner, record, OwnerRecord.empty());
        } catch (IOException e) {
            throw new StorageUnavailableException("Cannot delete the plugins of " + owner, e);
        }
        return !record.holdsNothing();
    }

    @Override
    public List<Owner> owners() {
        if (!Files.isDirectory(owners)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(owners)) {
            return files.map(file -> file.getFileName().toString())
                .filter(name -> name.endsWith(OWNER_FILE_SUFFIX))
                .map(name -> Owner.of(URLDecoder.decode(name.substring(0, name.length() - OWNER_FILE_SUFFIX.length()),
                    StandardCharsets.UTF_8)))
                .collect(Collectors.toList());
        } catch (IOException e) {
            throw new StorageUnavailableException("Cannot list the plugin owners", e);
        }
    }

    private void reference(PluginDigest digest, Owner owner) {
        referencedBy.computeIfAbsent(digest, any -> new HashSet<>()).add(owner);
    }

    /** Drops the owner's references that {@code before} had and {@code after} has not; deletes orphaned modules. */
    private void forgetReferences(Owner owner, OwnerRecord before, OwnerRecord after) throws IOException {
        Set<PluginDigest> dropped = new HashSet<>(before.digests());
        dropped.removeAll(after.digests());
        for (PluginDigest digest : dropped) {
            Set<Owner> holders = referencedBy.getOrDefault(digest, Set.of());
            holders.remove(owner);
            if (holders.isEmpty()) {
                referencedBy.remove(digest);
                deleteModule(modulePath(digest));
            }
        }
    }

    /** What a crash between writing a module and its record, or an older store without retention, left behind. */
    private void deleteUnreferencedModules() throws IOException {
        if (!Files.isDirectory(modules)) {
            return;
        }
        Set<Path> referenced = referencedBy.keySet().stream().map(this::modulePath).collect(Collectors.toSet());
        try (Stream<Path> files = Files.walk(modules)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                if (!referenced.contains(file)) {
                    deleteModule(file);
                }
            }
        }
    }

    /** Deletes the module file and its directory once empty: a deleted owner leaves nothing behind. */
    private static void deleteModule(Path file) throws IOException {
        Files.deleteIfExists(file);
        if (!Files.isDirectory(file.getParent())) {
            return;
        }
        try (Stream<Path> siblings = Files.list(file.getParent())) {
            if (siblings.findAny().isEmpty()) {
                Files.deleteIfExists(file.getParent());
            }
        }
    }

    private OwnerRecord read(Owner owner) {
        try {
            return load(owner);
        } catch (IOException e) {
            throw new StorageUnavailableException("Cannot read the plugins of " + owner, e);
        }
    }

    private void update(Owner owner, OwnerRecord record) {
        try {
            save(owner, record);
        } catch (IOException e) {
            throw new StorageUnavailableException("Cannot update the plugins of " + owner, e);
        }
    }

    private OwnerRecord load(Owner owner) throws IOException {
        try {
            return MAPPER.readValue(Files.readAllBytes(ownerPath(owner)), OwnerRecord.class);
        } catch (NoSuchFileException e) {
            return OwnerRecord.empty();
        }
    }

    private void save(Owner owner, OwnerRecord record) throws IOException {
        AtomicFiles.write(ownerPath(owner), MAPPER.writeValueAsBytes(record));
    }

    private Path modulePath(PluginDigest digest) {
        return modules.resolve(digest.hex().substring(0, 2)).resolve(digest.hex() + MODULE_FILE_SUFFIX);
    }

    /** URL encoding leaves only letters, digits, {@code .-*_} and {@code %}: no separator, no "..". */
    private Path ownerPath(Owner owner) {
        String fileName = URLEncoder.encode(owner.asString(), StandardCharsets.UTF_8) + OWNER_FILE_SUFFIX;
        if (fileName.length() > MAX_OWNER_FILE_NAME) {
            throw new IllegalArgumentException("Not a plugin owner: '" + owner + "' is too long");
        }
        return owners.resolve(fileName);
    }
}
