package org.hackablemail.core.trace.fs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.hackablemail.core.Owner;
import org.hackablemail.core.store.StorageUnavailableException;
import org.hackablemail.core.store.fs.AtomicFiles;
import org.hackablemail.core.trace.TraceEntry;
import org.hackablemail.core.trace.TraceJson;
import org.hackablemail.core.trace.TracePage;
import org.hackablemail.core.trace.TraceQuery;
import org.hackablemail.core.trace.TraceRetention;
import org.hackablemail.core.trace.TraceStore;

/**
 * Each owner's trace in a file of JSON lines, one entry a line, named after the SHA-256 of the owner's address (so
 * that no address ever becomes a path). Appends go to the end of the file; once it holds a quarter more than the
 * retention allows, it is rewritten with what is kept. Reads apply the retention exactly. A line cut short by a
 * crash is skipped. Ids are the time of the append in microseconds, or one more than the last id when that is
 * larger, so that they keep increasing across restarts and deletes. Only what each owner's file holds is in memory:
 * its path, latest id, how many entries and how much weight.
 */
public final class FileSystemTraceStore implements TraceStore {
    private static final String SUFFIX = ".jsonl";
    private static final HexFormat HEX = HexFormat.of();

    private final Path directory;
    private final TraceRetention retention;
    private final Clock clock;
    private final Map<Owner, OwnerFile> files = new ConcurrentHashMap<>();

    /** What this node knows of one owner's file; also the lock its reads and writes hold. */
    private static final class OwnerFile {
        private final Path path;
        private boolean loaded;
        private long latestId;
        private int entries;
        private long weight;

        OwnerFile(Path path) {
            this.path = path;
        }
    }

    public FileSystemTraceStore(Path directory, TraceRetention retention, Clock clock) {
        this.directory = directory;
        this.retention = retention;
        this.clock = clock;
    }

    @Override
    public TraceEntry append(TraceEntry entry) {
        OwnerFile state = state(entry.owner());
        synchronized (state) {
            load(entry.owner(), state);
            TraceEntry stored = entry.withId(Math.max(state.latestId + 1, micros(clock.instant())));
            appendLine(state.path, (TraceJson.write(stored) + "\n").getBytes(StandardCharsets.UTF_8));
            state.latestId = stored.id();
            state.entries++;
            state.weight += stored.weight();
            if (state.entries > retention.maxEntries() * 5L / 4 + 1 || state.weight > retention.maxBytes() * 5 / 4) {
                compact(entry.owner(), state);
            }
            return stored;
        }
    }

    /** The shard's directory is made on the first append that misses it, not checked on every append. */
    private static void appendLine(Path file, byte[] line) {
        try {
            try {
                Files.write(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (NoSuchFileException e) {
                Files.createDirectories(file.getParent());
                Files.write(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            throw new StorageUnavailableException("Cannot append to the trace " + file, e);
        }
    }

    @Override
    public TracePage read(Owner owner, TraceQuery query) {
        OwnerFile state = state(owner);
        synchronized (state) {
            load(owner, state);
            return query.pageOf(retention.retained(readAll(owner, state.path), clock.instant()));
        }
    }

    @Override
    public long latestId(Owner owner) {
        OwnerFile state = state(owner);
        synchronized (state) {
            load(owner, state);
            return state.latestId;
        }
    }

    @Override
    public void delete(Owner owner) {
        OwnerFile state = state(owner);
        synchronized (state) {
            load(owner, state);
            try {
                Files.deleteIfExists(state.path);
            } catch (IOException e) {
                throw new StorageUnavailableException("Cannot delete the trace of " + owner, e);
            }
            state.entries = 0;
            state.weight = 0;
        }
    }

    /** Deletes the files whose latest entry is older than the retention allows. */
    @Override
    public void purgeExpired() {
        if (!Files.isDirectory(directory)) {
            return;
        }
        Instant oldest = clock.instant().minus(retention.maxAge());
        Map<Path, OwnerFile> known = new HashMap<>();
        files.values().forEach(state -> known.put(state.path, state));
        try (DirectoryStream<Path> shards = Files.newDirectoryStream(directory, Files::isDirectory)) {
            for (Path shard : shards) {
                try (DirectoryStream<Path> traces = Files.newDirectoryStream(shard, "*" + SUFFIX)) {
                    for (Path trace : traces) {
                        if (expired(trace, oldest)) {
                            purge(trace, known.get(trace), oldest);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new StorageUnavailableException("Cannot purge the traces in " + directory, e);
        }
    }

    private static boolean expired(Path trace, Instant oldest) throws IOException {
        return Files.getLastModifiedTime(trace).toInstant().isBefore(oldest);
    }

    /**
     * Deletes the file; when its owner is known, under the owner's lock and after checking again that it is expired,
     * since an append may have come in meanwhile. The next read of it loads afresh.
     */
    private static void purge(Path trace, OwnerFile state, Instant oldest) throws IOException {
        if (state == null) {
            Files.deleteIfExists(trace);
            return;
        }
        synchronized (state) {
            if (Files.exists(trace) && expired(trace, oldest)) {
                Files.delete(trace);
                state.entries = 0;
                state.weight = 0;
            }
        }
    }

    private OwnerFile state(Owner owner) {
        return files.computeIfAbsent(owner, any -> new OwnerFile(file(owner)));
    }

    private void load(Owner owner, OwnerFile state) {
        if (state.loaded) {
            return;
        }
        List<TraceEntry> entries = readAll(owner, state.path);
        state.latestId = entries.isEmpty() ? 0 : entries.get(entries.size() - 1).id();
        state.entries = entries.size();
        state.weight = entries.stream().mapToLong(TraceEntry::weight).sum();
        state.loaded = true;
    }

    private void compact(Owner owner, OwnerFile state) {
        List<TraceEntry> kept = retention.retained(readAll(owner, state.path), clock.instant());
        StringBuilder content = new StringBuilder();
        try {
            for (TraceEntry entry : kept) {
                content.append(TraceJson.write(entry)).append('\n');
            }
            AtomicFiles.write(state.path, content.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new StorageUnavailableException("Cannot rewrite the trace " + state.path, e);
        }
        state.entries = kept.size();
        state.weight = kept.stream().mapToLong(TraceEntry::weight).sum();
    }

    private static List<TraceEntry> readAll(Owner owner, Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<TraceEntry> entries = new ArrayList<>();
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            lines.map(FileSystemTraceStore::parse)
                .flatMap(Optional::stream)
                .filter(entry -> entry.owner().equals(owner))
                .forEach(entries::add);
        } catch (IOException | UncheckedIOException e) {
            throw new StorageUnavailableException("Cannot read the trace " + file, e);
        }
        return entries;
    }

    private static Optional<TraceEntry> parse(String line) {
        try {
            return Optional.of(TraceJson.read(line));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private Path file(Owner owner) {
        String hash = HEX.formatHex(sha256(owner.asString()));
        return directory.resolve(hash.substring(0, 2)).resolve(hash + SUFFIX);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }

    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
    }
}
