package org.hackablemail.core.store.fs;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.hackablemail.core.Owner;
import org.hackablemail.core.store.StorageUnavailableException;
import org.hackablemail.core.store.VariableQuotaExceededException;
import org.hackablemail.core.store.VariableQuotas;
import org.hackablemail.core.store.VariableStore;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A {@link VariableStore} in a directory of its own, which it alone writes (one James node): one file per owner,
 * {@code <owner, URL-encoded>.json}, the variables by name with their values in base64, rewritten atomically by
 * each commit, so a crash leaves a commit applied whole or not at all.
 *
 * <p>Owners' variables are served from memory once read, within {@code cacheBytes} in all: the owners read least
 * recently are dropped first, and read again from disk when needed. Versions live in memory only: an owner read
 * from disk gets a version never handed out before, so that a call that read before an eviction, a deletion or a
 * restart commits nothing.
 *
 * <p>Earlier releases kept one file per variable in a directory per owner; such a directory is read and replaced
 * by the owner's file the first time the owner is read.
 */
public final class FileSystemVariableStore implements VariableStore {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<Map<String, byte[]>> VARIABLES = new TypeReference<>() {
    };
    private static final String FILE_SUFFIX = ".json";
    /** Keeps file names well under the usual 255-byte limit. */
    private static final int MAX_FILE_NAME = 200;
    /** Commits and loads of one owner are serialized; owners are spread over this many locks. */
    private static final int LOCK_STRIPES = 64;

    private final Path directory;
    private final VariableQuotas quotas;
    private final long cacheBytes;
    private final AtomicLong versions = new AtomicLong();
    private final Object[] locks = new Object[LOCK_STRIPES];
    /** Least recently used first; guarded by itself. */
    private final LinkedHashMap<Owner, OwnerVariables> cache = new LinkedHashMap<>(16, 0.75f, true);
    /** Guarded by {@link #cache}. */
    private long cachedBytes;

    /** One owner's variables as of one version; never changed, replaced whole by a commit. */
    private record OwnerVariables(long version, Map<String, byte[]> values, VariableQuotas.Usage usage) {

        static OwnerVariables of(long version, Map<String, byte[]> values) {
            long bytes = values.entrySet().stream().mapToLong(entry -> weight(entry.getKey(), entry.getValue())).sum();
            return new OwnerVariables(version, Map.copyOf(values), new VariableQuotas.Usage(values.size(), bytes));
        }

        static long weight(String name, byte[] value) {
            return name.getBytes(StandardCharsets.UTF_8).length + (long) value.length;
        }
    }

    /**
     * @param cacheBytes how many bytes of variables, names and values, to hold in memory for all owners together
     * @throws StorageUnavailableException when the directory cannot be cleaned of interrupted writes
     */
    public FileSystemVariableStore(Path directory, VariableQuotas quotas, long cacheBytes) {
        this.directory = directory;
        this.quotas = quotas;
        this.cacheBytes = cacheBytes;
        for (int i = 0; i < LOCK_STRIPES; i++) {
            locks[i] = new Object();
        }
        try {
            AtomicFiles.deleteLeftovers(directory);
        } catch (IOException e) {
            throw new StorageUnavailableException("Cannot clean the plugin variables in " + directory, e);
        }
    }

    @Override
    public long version(Owner owner) {
        return variables(owner).version();
    }

    @Override
    public Optional<byte[]> get(Owner owner, String name) {
        return Optional.ofNullable(variables(owner).values().get(name)).map(byte[]::clone);
    }

    @Override
    public boolean commit(Owner owner, long expectedVersion, Map<String, Optional<byte[]>> writes)
            throws VariableQuotaExceededException {
        synchronized (lock(owner)) {
            OwnerVariables current = variables(owner);
            if (current.version() != expectedVersion) {
                return false;
            }
            Map<String, byte[]> values = new HashMap<>(current.values());
            writes.forEach((name, value) -> value.ifPresentOrElse(
                bytes -> values.put(name, bytes.clone()), () -> values.remove(name)));
            OwnerVariables committed = OwnerVariables.of(versions.incrementAndGet(), values);
            quotas.check(current.usage(), committed.usage());
            try {
                if (values.isEmpty()) {
                    Files.deleteIfExists(file(owner));
                } else {
                    AtomicFiles.write(file(owner), MAPPER.writeValueAsBytes(values));
                }
            } catch (IOException e) {
                forget(owner);
                throw new StorageUnavailableException("Cannot store the variables of " + owner, e);
            }
            remember(owner, committed);
            return true;
        }
    }

    @Override
    public void deleteAll(Owner owner) {
        synchronized (lock(owner)) {
            try {
                Files.deleteIfExists(file(owner));
                deleteEarlierLayout(owner);
            } catch (IOException e) {
                throw new StorageUnavailableException("Cannot delete the variables of " + owner, e);
            } finally {
                forget(owner);
            }
        }
    }

    /** Every variable of the owner, by name: for copying them to another back-end ({@code hackmail storage migrate}). */
    public Map<String, byte[]> all(Owner owner) {
        Map<String, byte[]> copies = new HashMap<>();
        variables(owner).values().forEach((name, value) -> copies.put(name, value.clone()));
        return copies;
    }

    /** The bytes of names and values held in memory now. */
    long bytesInMemory() {
        synchronized (cache) {
            return cachedBytes;
        }
    }

    private OwnerVariables variables(Owner owner) {
        synchronized (cache) {
            OwnerVariables cached = cache.get(owner);
            if (cached != null) {
                return cached;
            }
        }
        synchronized (lock(owner)) {
            synchronized (cache) {
                OwnerVariables cached = cache.get(owner);
                if (cached != null) {
                    return cached;
                }
            }
            OwnerVariables loaded = OwnerVariables.of(versions.incrementAndGet(), load(owner));
            remember(owner, loaded);
            return loaded;
        }
    }

    private void remember(Owner owner, OwnerVariables variables) {
        synchronized (cache) {
            OwnerVariables replaced = cache.put(owner, variables);
            cachedBytes += variables.usage().bytes() - (replaced == null ? 0 : replaced.usage().bytes());
            Iterator<OwnerVariables> leastRecent = cache.values().iterator();
            while (cachedBytes > cacheBytes && cache.size() > 1) {
                cachedBytes -= leastRecent.next().usage().bytes();
                leastRecent.remove();
            }
        }
    }

    private void forget(Owner owner) {
        synchronized (cache) {
            OwnerVariables removed = cache.remove(owner);
            cachedBytes -= removed == null ? 0 : removed.usage().bytes();
        }
    }

    private Map<String, byte[]> load(Owner owner) {
        try {
            return MAPPER.readValue(Files.readAllBytes(file(owner)), VARIABLES);
        } catch (NoSuchFileException e) {
            return loadEarlierLayout(owner);
        } catch (IOException e) {
            throw new StorageUnavailableException("Cannot read the variables of " + owner, e);
        }
    }

    /** One file per variable, named by the hex of the variable's name, in a directory per owner. */
    private Map<String, byte[]> loadEarlierLayout(Owner owner) {
        Path earlier = earlierDirectory(owner);
        if (!Files.isDirectory(earlier)) {
            return Map.of();
        }
        try (Stream<Path> files = Files.list(earlier)) {
            Map<String, byte[]> values = new HashMap<>();
            for (Path file : files.toList()) {
                values.put(new String(HexFormat.of().parseHex(file.getFileName().toString()), StandardCharsets.UTF_8),
                    Files.readAllBytes(file));
            }
            AtomicFiles.write(file(owner), MAPPER.writeValueAsBytes(values));
            deleteEarlierLayout(owner);
            return values;
        } catch (IOException | IllegalArgumentException e) {
            throw new StorageUnavailableException("Cannot read the variables of " + owner + " in " + earlier, e);
        }
    }

    private void deleteEarlierLayout(Owner owner) throws IOException {
        Path earlier = earlierDirectory(owner);
        if (Files.isDirectory(earlier)) {
            try (Stream<Path> files = Files.list(earlier)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(earlier);
        }
    }

    private Object lock(Owner owner) {
        return locks[Math.floorMod(owner.hashCode(), LOCK_STRIPES)];
    }

    /** The owner's address, URL-encoded (no separator, no ".."); its SHA-256 when that is too long a file name. */
    private Path file(Owner owner) {
        String encoded = URLEncoder.encode(owner.asString(), StandardCharsets.UTF_8);
        return directory.resolve((encoded.length() <= MAX_FILE_NAME ? encoded : "sha256-" + sha256(encoded))
            + FILE_SUFFIX);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    private Path earlierDirectory(Owner owner) {
        return directory.resolve(URLEncoder.encode(owner.asString(), StandardCharsets.UTF_8));
    }
}
