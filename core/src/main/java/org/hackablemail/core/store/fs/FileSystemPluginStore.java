package org.hackablemail.core.store.fs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.hackablemail.core.Owner;
import org.hackablemail.core.store.PluginStore;
import org.hackablemail.core.store.PluginVersion;
import org.hackablemail.plugin.PluginDigest;
import org.hackablemail.plugin.simulation.SimulationReport;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A {@link PluginStore} in a directory of its own, which it alone writes:
 * <pre>
 * modules/ab/abcdef….wasm      one file per module, named by its SHA-256
 * owners/bob%40example.org.json   the owner's versions, the active one, and the plugin's configuration
 * </pre>
 * Every file is written atomically, the module before the record that names it, so a crash never leaves a
 * half-written plugin active; at worst an unreferenced module. Writes are serialized; reads take no lock.
 */
public final class FileSystemPluginStore implements PluginStore {
    /** Keeps owner file names well under the usual 255-byte limit. */
    private static final int MAX_OWNER_FILE_NAME = 200;
    private static final String OWNER_FILE_SUFFIX = ".json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path modules;
    private final Path owners;
    private final Clock clock;

    public FileSystemPluginStore(Path directory, Clock clock) {
        this.modules = directory.resolve("modules");
        this.owners = directory.resolve("owners");
        this.clock = clock;
        try {
            AtomicFiles.deleteLeftovers(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clean the plugin store " + directory, e);
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
            OwnerRecord updated = load(owner).withNewVersion(digest, wasm.length, clock.instant(), pushedBy,
                simulations);
            save(owner, updated);
            return updated.activeVersion().orElseThrow().toPluginVersion(owner);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the plugin of " + owner, e);
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
        update(owner, read(owner).withActive(null));
    }

    @Override
    public Optional<byte[]> read(PluginDigest digest) {
        try {
            return Optional.of(Files.readAllBytes(modulePath(digest)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the plugin " + digest, e);
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
    public synchronized void delete(Owner owner) {
        try {
            Files.deleteIfExists(ownerPath(owner));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the plugins of " + owner, e);
        }
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
            throw new UncheckedIOException("Cannot list the plugin owners", e);
        }
    }

    private OwnerRecord read(Owner owner) {
        try {
            return load(owner);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the plugins of " + owner, e);
        }
    }

    private void update(Owner owner, OwnerRecord record) {
        try {
            save(owner, record);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot update the plugins of " + owner, e);
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
        return modules.resolve(digest.hex().substring(0, 2)).resolve(digest.hex() + ".wasm");
    }

    /** URL encoding leaves only letters, digits, {@code .-*_} and {@code %}: no separator, no "..". */
    private Path ownerPath(Owner owner) {
        String fileName = URLEncoder.encode(owner.asString(), StandardCharsets.UTF_8) + OWNER_FILE_SUFFIX;
        if (fileName.length() > MAX_OWNER_FILE_NAME) {
            throw new IllegalArgumentException("Not a plugin owner: '" + owner + "'");
        }
        return owners.resolve(fileName);
    }
}
