package org.hackablemail.core.store.fs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.hackablemail.core.Owner;
import org.hackablemail.core.store.AuditEntry;
import org.hackablemail.core.store.AuditLog;
import org.hackablemail.core.store.StorageUnavailableException;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An {@link AuditLog} in a file of JSON lines, one entry a line, only ever appended to (one James node). A line cut
 * short by a crash is skipped when reading.
 */
public final class FileAuditLog implements AuditLog {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** An entry as a line of the file. */
    private record Line(String time, String actor, String owner, String action, String detail) {
    }

    private final Path file;
    private final Clock clock;

    public FileAuditLog(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    @Override
    public synchronized void record(String actor, Owner owner, String action, String detail) {
        try {
            Files.createDirectories(file.getParent());
            byte[] line = (MAPPER.writeValueAsString(new Line(clock.instant().toString(), actor, owner.asString(), action, detail))
                + "\n").getBytes(StandardCharsets.UTF_8);
            Files.write(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new StorageUnavailableException("Cannot write the audit log " + file, e);
        }
    }

    @Override
    public List<AuditEntry> read(Optional<Owner> owner, int limit) {
        if (!Files.exists(file)) {
            return List.of();
        }
        Deque<AuditEntry> latest = new ArrayDeque<>();
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            lines.map(this::parse)
                .flatMap(Optional::stream)
                .filter(entry -> owner.map(entry.owner()::equals).orElse(true))
                .forEach(entry -> {
                    latest.addLast(entry);
                    if (latest.size() > limit) {
                        latest.removeFirst();
                    }
                });
        } catch (IOException e) {
            throw new StorageUnavailableException("Cannot read the audit log " + file, e);
        }
        return List.copyOf(latest);
    }

    private Optional<AuditEntry> parse(String line) {
        try {
            Line parsed = MAPPER.readValue(line, Line.class);
            return Optional.of(new AuditEntry(Instant.parse(parsed.time()), parsed.actor(), Owner.of(parsed.owner()),
                parsed.action(), parsed.detail()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
