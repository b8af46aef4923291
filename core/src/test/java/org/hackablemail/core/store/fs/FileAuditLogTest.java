package org.hackablemail.core.store.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.hackablemail.core.Owner;
import org.hackablemail.core.store.AuditEntry;
import org.junit.jupiter.api.Test;
import org.hackablemail.core.Owner;
import org.hackablemail.core.store.AuditEntry;
import org.junit.jupiter.api.io.TempDir;

class FileAuditLogTest {
    private static final Owner BOB = Owner.of("bob@example.org");
    private static final Instant NOW = Instant.parse("2025-01-02T03:04:05Z");

    @TempDir
    Path directory;

    @Test
    void shouldReadBackEntriesInOrderWhenReopened() {
        Path file = directory.resolve("audit/audit.jsonl");
        FileAuditLog log = new FileAuditLog(file, Clock.fixed(NOW, ZoneOffset.UTC));
        log.record("admin:jane", BOB, "push", "version 1");
        log.record("bob@example.org", BOB, "activate", "version 1");

        assertThat(new FileAuditLog(file, Clock.systemUTC()).read(Optional.empty(), 10)).containsExactly(
            new AuditEntry(NOW, "admin:jane", BOB, "push", "version 1"),
            new AuditEntry(NOW, "bob@example.org", BOB, "activate", "version 1"));
    }

    @Test
    void shouldKeepTheLatestEntriesOfOneOwnerWhenFilteredAndLimited() {
        FileAuditLog log = new FileAuditLog(directory.resolve("audit.jsonl"), Clock.fixed(NOW, ZoneOffset.UTC));
        log.record("admin", BOB, "push", "version 1");
        log.record("admin", Owner.of("carol@example.org"), "push", "version 1");
        log.record("admin", BOB, "push", "version 2");
        log.record("admin", BOB, "push", "version 3");

        assertThat(log.read(Optional.of(BOB), 2)).extracting(AuditEntry::detail)
            .containsExactly("version 2", "version 3");
    }

    @Test
    void shouldSkipALineCutShortByACrash() throws Exception {
        Path file = directory.resolve("audit.jsonl");
        FileAuditLog log = new FileAuditLog(file, Clock.fixed(NOW, ZoneOffset.UTC));
        log.record("admin", BOB, "push", "version 1");
        Files.write(file, "{\"time\":\"2025-".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);

        assertThat(log.read(Optional.empty(), 10)).extracting(AuditEntry::action).containsExactly("push");
    }
}
