package org.hackablemail.core.store.fs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.hackablemail.plugin.host.VarStore;

/**
 * Plugin variables that survive a restart (a vacation responder must remember whom it answered), one file per
 * variable: {@code <owner, URL-encoded>/<name, hex>}. Reads are served from memory once an owner's variables have been
 * loaded; every write goes to disk atomically before it is visible.
 */
public final class FileSystemVarStore implements VarStore {
    private static final HexFormat HEX = HexFormat.of();

    private final Path directory;
    private final Map<String, Map<String, byte[]>> varsByOwner = new ConcurrentHashMap<>();

    public FileSystemVarStore(Path directory) {
        this.directory = directory;
        try {
            AtomicFiles.deleteLeftovers(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clean the plugin variables in " + directory, e);
        }
    }

    @Override
    public Optional<byte[]> get(String owner, String name) {
        return Optional.ofNullable(vars(owner).get(name)).map(byte[]::clone);
    }

    @Override
    public synchronized void put(String owner, String name, byte[] value) {
        try {
            AtomicFiles.write(ownerDirectory(owner).resolve(HEX.formatHex(name.getBytes(StandardCharsets.UTF_8))), value);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store variable '" + name + "' of " + owner, e);
        }
        vars(owner).put(name, value.clone());
    }

    @Override
    public synchronized void remove(String owner, String name) {
        try {
            Files.deleteIfExists(ownerDirectory(owner).resolve(HEX.formatHex(name.getBytes(StandardCharsets.UTF_8))));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove variable '" + name + "' of " + owner, e);
        }
        vars(owner).remove(name);
    }

    @Override
    public synchronized void removeAll(String owner) {
        Path ownerDirectory = ownerDirectory(owner);
        try {
            if (Files.isDirectory(ownerDirectory)) {
                try (Stream<Path> files = Files.list(ownerDirectory)) {
                    for (Path file : files.toList()) {
                        Files.delete(file);
                    }
                }
                Files.delete(ownerDirectory);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove the variables of " + owner, e);
        }
        varsByOwner.remove(owner);
    }

    private Map<String, byte[]> vars(String owner) {
        return varsByOwner.computeIfAbsent(owner, this::load);
    }

    private Map<String, byte[]> load(String owner) {
        Map<String, byte[]> vars = new ConcurrentHashMap<>();
        Path ownerDirectory = ownerDirectory(owner);
        if (!Files.isDirectory(ownerDirectory)) {
            return vars;
        }
        try (Stream<Path> files = Files.list(ownerDirectory)) {
            for (Path file : files.toList()) {
                vars.put(new String(HEX.parseHex(file.getFileName().toString()), StandardCharsets.UTF_8), Files.readAllBytes(file));
            }
            return vars;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the variables of " + owner, e);
        }
    }

    private Path ownerDirectory(String owner) {
        return directory.resolve(URLEncoder.encode(owner, StandardCharsets.UTF_8));
    }
}
