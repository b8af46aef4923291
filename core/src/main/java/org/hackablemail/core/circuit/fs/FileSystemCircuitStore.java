package org.hackablemail.core.circuit.fs;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.hackablemail.core.Owner;
import org.hackablemail.core.circuit.Circuit;
import org.hackablemail.core.circuit.CircuitStore;
import org.hackablemail.core.circuit.Fallback;
import org.hackablemail.core.store.StorageUnavailableException;
import org.hackablemail.core.store.fs.AtomicFiles;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Circuit breaker states on one node's disk, one JSON file per owner ({@code <owner, URL-encoded>.json}), all read
 * into memory at start (there is one only for owners whose plugin failed or who chose a fallback); each change is
 * written atomically before it is visible.
 */
public final class FileSystemCircuitStore implements CircuitStore {
    private static final String SUFFIX = ".json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path directory;
    private final Map<Owner, Circuit> circuits = new ConcurrentHashMap<>();

    /** The file's content. */
    record CircuitRecord(long version, int failures, List<String> senders, List<String> lastReasons,
                         String suspendedAt, String fallback) {

        static CircuitRecord of(Circuit circuit) {
            return new CircuitRecord(circuit.version(), circuit.failures(), circuit.senders(), circuit.lastReasons(),
                circuit.suspendedAt().map(Instant::toString).orElse(null), circuit.fallback().label());
        }

        Circuit toCircuit() {
            return new Circuit(version, failures, senders, lastReasons, Optional.ofNullable(suspendedAt).map(Instant::parse),
                Fallback.parse(fallback));
        }
    }

    public FileSystemCircuitStore(Path directory) {
        this.directory = directory;
        try {
            AtomicFiles.deleteLeftovers(directory);
            if (Files.isDirectory(directory)) {
                try (Stream<Path> files = Files.list(directory)) {
                    for (Path file : files.filter(path -> path.toString().endsWith(SUFFIX)).toList()) {
                        circuits.put(owner(file), MAPPER.readValue(file.toFile(), CircuitRecord.class).toCircuit());
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new StorageUnavailableException("Cannot read the circuit breakers' states in " + directory, e);
        }
    }

    @Override
    public Circuit read(Owner owner) {
        return circuits.getOrDefault(owner, Circuit.INITIAL);
    }

    @Override
    public synchronized boolean commit(Owner owner, long expectedVersion, Circuit next) {
        if (read(owner).version() != expectedVersion) {
            return false;
        }
        Circuit stored = next.atVersion(expectedVersion + 1);
        try {
            AtomicFiles.write(file(owner), MAPPER.writeValueAsBytes(CircuitRecord.of(stored)));
        } catch (IOException e) {
            throw new StorageUnavailableException("Cannot store the circuit breaker's state of " + owner, e);
        }
        circuits.put(owner, stored);
        return true;
    }

    @Override
    public synchronized void delete(Owner owner) {
        try {
            Files.deleteIfExists(file(owner));
        } catch (IOException e) {
            throw new StorageUnavailableException("Cannot delete the circuit breaker's state of " + owner, e);
        }
        circuits.remove(owner);
    }

    @Override
    public List<Owner> suspended() {
        return circuits.entrySet().stream().filter(entry -> entry.getValue().suspended()).map(Map.Entry::getKey).toList();
    }

    private Path file(Owner owner) {
        return directory.resolve(URLEncoder.encode(owner.asString(), StandardCharsets.UTF_8) + SUFFIX);
    }

    private static Owner owner(Path file) {
        String name = file.getFileName().toString();
        return Owner.of(URLDecoder.decode(name.substring(0, name.length() - SUFFIX.length()), StandardCharsets.UTF_8));
    }
}
