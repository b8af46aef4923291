package org.hackablemail.core.trace.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.hackablemail.core.trace.TraceEntry;
import org.hackablemail.core.trace.TraceQuery;
import org.hackablemail.core.trace.TraceRetention;
import org.hackablemail.core.trace.TraceStore;
import org.hackablemail.core.trace.TraceStoreContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemTraceStoreTest extends TraceStoreContract {
    @TempDir
    Path directory;

    @Override
    protected TraceStore store(TraceRetention retention, Clock clock) {
        return new FileSystemTraceStore(directory, retention, clock);
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void fileNamesShouldNeverContainTheAddress() throws IOException {
        store(TraceRetention.DEFAULT, clock).append(entry(BOB, clock.instant(), "x"));

        assertThat(files()).singleElement().satisfies(file ->
            assertThat(directory.relativize(file).toString()).doesNotContain("bob").matches("[0-9a-f]{2}/[0-9a-f]{64}\\.jsonl"));
    }

    @Test
    void theFileShouldStayWithinAQuarterAboveTheRetention() throws IOException {
        TraceStore store = store(new TraceRetention(8, 10_000_000, Duration.ofDays(1)), clock);
        for (int i = 0; i < 100; i++) {
            store.append(entry(BOB, clock.instant(), "m" + i));
        }

        assertThat(Files.readAllLines(files().get(0))).hasSizeLessThanOrEqualTo(11);
    }

    @Test
    void aLineCutShortByACrashShouldBeSkipped() throws IOException {
        TraceStore store = store(TraceRetention.DEFAULT, clock);
        store.append(entry(BOB, clock.instant(), "whole"));
        Files.write(files().get(0), "{\"id\":9,\"time\":\"20".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);

        assertThat(store(TraceRetention.DEFAULT, clock).read(BOB, TraceQuery.latest(10)).entries())
            .extracting(TraceEntry::subject).containsExactly("whole");
    }

    @Test
    void purgeExpiredShouldDeleteTheFilesOfOwnersWithNothingRecent() throws IOException {
        TraceStore store = store(new TraceRetention(10, 10_000_000, Duration.ofHours(1)), clock);
        store.append(entry(BOB, clock.instant(), "old"));
        Files.setLastModifiedTime(files().get(0), FileTime.from(clock.instant()));
        clock.advance(Duration.ofHours(2));

        store.purgeExpired();

        assertThat(files()).isEmpty();
        assertThat(store.read(BOB, TraceQuery.latest(10)).entries()).isEmpty();
    }

    @Test
    void anAppendShouldMakeItsShardDirectoryAgainWhenItWasRemoved() throws IOException {
        TraceStore store = store(TraceRetention.DEFAULT, clock);
        store.append(entry(BOB, clock.instant(), "first"));
        Path shard = files().get(0).getParent();
        Files.delete(files().get(0));
        Files.delete(shard);

        store.append(entry(BOB, clock.instant(), "second"));

        assertThat(store.read(BOB, TraceQuery.latest(10)).entries()).extracting(TraceEntry::subject).containsExactly("second");
    }

    @Test
    void purgeExpiredShouldPassOverAFileThatIsNotAShard() throws IOException {
        TraceStore store = store(new TraceRetention(10, 10_000_000, Duration.ofHours(1)), clock);
        store.append(entry(BOB, clock.instant(), "old"));
        Files.setLastModifiedTime(files().get(0), FileTime.from(clock.instant()));
        Path stray = Files.writeString(directory.resolve("notes.txt"), "left here by hand");
        clock.advance(Duration.ofHours(2));

        store.purgeExpired();

        assertThat(files()).containsExactly(stray);
    }
}
