package org.hackablemail.core.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.hackablemail.core.Owner;
import org.hackablemail.core.trace.fs.FileSystemTraceStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginTraceTest {
    private static final Owner BOB = Owner.of("bob@example.org");
    private static final Owner CAROL = Owner.of("carol@example.org");

    @TempDir
    Path directory;

    private TraceStore store;
    private PluginTrace trace;

    @BeforeEach
    void setUp() {
        store = new FileSystemTraceStore(directory, TraceRetention.DEFAULT, Clock.systemUTC());
        trace = new PluginTrace(store, Duration.ofMillis(20));
    }

    private TraceEntry entry(Owner owner, String subject) {
        return new TraceEntry(0, Clock.systemUTC().instant(), owner, 1, null, "", subject, "dropped", 0, null, 1,
            null, null, List.of());
    }

    @Test
    void awaitShouldAnswerAtOnceWhenEntriesAreAlreadyThere() throws Exception {
        TraceEntry first = store.append(entry(BOB, "first"));
        store.append(entry(BOB, "second"));

        TracePage page = trace.await(BOB, TraceQuery.after(first.id(), 10), Duration.ofMinutes(5));

        assertThat(page.entries()).extracting(TraceEntry::subject).containsExactly("second");
    }

    @Test
    void awaitShouldGiveAnEntryRecordedWhileWaiting() throws Exception {
        long latest = store.latestId(BOB);
        CompletableFuture<TracePage> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return trace.await(BOB, TraceQuery.after(latest, 10), Duration.ofMinutes(5));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        store.append(entry(CAROL, "not for bob"));
        store.append(entry(BOB, "new"));

        assertThat(waiting.get(1, TimeUnit.MINUTES).entries()).extracting(TraceEntry::subject).containsExactly("new");
    }

    @Test
    void awaitShouldGiveAnEmptyPageWhenNothingCameInTime() throws Exception {
        store.append(entry(CAROL, "not for bob"));

        assertThat(trace.await(BOB, TraceQuery.after(0, 10), Duration.ofMillis(50)).entries()).isEmpty();
    }

    @Test
    void awaitShouldRefuseAQueryWithoutAfter() {
        assertThatThrownBy(() -> trace.await(BOB, TraceQuery.latest(10), Duration.ofSeconds(1)))
            .isInstanceOf(IllegalArgumentException.class);
    }
}
