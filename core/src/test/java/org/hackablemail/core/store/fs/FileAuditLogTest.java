package org.hackablemail.core.store.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;

import org.hackablemail.core.store.AuditEntry;
import org.hackablemail.core.store.AuditLog;
import org.hackablemail.core.store.AuditLogContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileAuditLogTest extends AuditLogContract {

    @TempDir
    Path directory;

    @Override
    protected AuditLog log(Clock clock) {
        return new FileAuditLog(directory.resolve("audit/audit.jsonl"), clock);
    }

    @Test
    void shouldSkipALineCutShortByACrash() throws Exception {
        AuditLog log = log(Clock.fixed(NOW, ZoneOffset.UTC));
        log.record("admin", BOB, "push", "version 1");
        Files.write(directory.resolve("audit/audit.jsonl"), "{\"time\":\"2025-".getBytes(StandardCharsets.UTF_8),
            StandardOpenOption.APPEND);

        assertThat(log.read(Optional.empty(), 10)).extracting(AuditEntry::action).containsExactly("push");
    }
}
