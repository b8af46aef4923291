package org.hackablemail.bayes.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.hackablemail.bayes.TokenCount;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneBayesStoreTest extends BayesStoreContract {
    @TempDir
    Path directory;

    private LuceneBayesStore store;

    @BeforeEach
    void open() {
        store = LuceneBayesStore.open(directory);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Override
    protected BayesStore store() {
        return store;
    }

    @Override
    protected BayesStore reopen() {
        store.close();
        store = LuceneBayesStore.open(directory);
        return store;
    }

    @Test
    void shouldOpenATokenOnlyStoreOfTheEarlierFormatAsItsBaseline(@TempDir Path legacy) throws Exception {
        try (FSDirectory index = FSDirectory.open(legacy);
             IndexWriter writer = new IndexWriter(index, new IndexWriterConfig())) {
            Document document = new Document();
            document.add(new StringField("token", "viagra", Field.Store.YES));
            document.add(new StoredField("spam", 7));
            document.add(new StoredField("ham", 1));
            writer.addDocument(document);
            writer.setLiveCommitData(Map.of("spamMessages", "7", "hamMessages", "30", "lastTrained", "").entrySet());
            writer.commit();
        }

        try (LuceneBayesStore opened = LuceneBayesStore.open(legacy)) {
            assertThat(opened.baseline()).isEqualTo(new Baseline(Map.of("viagra", new TokenCount(7, 1)), 7, 30));
            opened.write(new EntryWrite(TrainingKey.mailboxMessage(ALICE, "1"), EntryState.SPAM, Source.MOVE,
                () -> Teaching.of(Set.of("new"))));
            assertThat(opened.baseline().counts()).containsOnlyKeys("viagra");
        }
        try (LuceneBayesStore reopened = LuceneBayesStore.open(legacy)) {
            assertThat(reopened.entry(TrainingKey.mailboxMessage(ALICE, "1"))).isPresent();
            assertThat(reopened.baseline().spamMessages()).isEqualTo(7);
        }
    }

    @Test
    void shouldReportItsSizeOnDisk() {
        store.write(new EntryWrite(TrainingKey.mailboxMessage(ALICE, "1"), EntryState.SPAM, Source.MOVE,
            () -> Teaching.of(Set.of("token"))));

        assertThat(store.sizeInBytes()).isPositive();
    }

    @Test
    void shouldFinishAWriteAndStayUsableWhenTheWritingThreadIsInterrupted() {
        TrainingKey key = TrainingKey.mailboxMessage(ALICE, "1");
        Thread.currentThread().interrupt();
        try {
            assertThat(store.write(new EntryWrite(key, EntryState.SPAM, Source.MOVE, () -> Teaching.of(Set.of("a")))))
                .isPresent();
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }

        assertThat(store.write(new EntryWrite(key, EntryState.HAM, Source.MOVE, () -> Teaching.of(Set.of("a")))))
            .hasValueSatisfying(entry -> assertThat(entry.revision()).isEqualTo(2));
        assertThat(reopen().entry(key).orElseThrow().state()).isEqualTo(EntryState.HAM);
    }

    /** A commit interval longer than any test: every write below stays queued until close. */
    private static LuceneBayesStore withoutTimedCommits(Path directory) {
        return LuceneBayesStore.open(directory, Clock.systemUTC(), Duration.ofHours(1));
    }

    @Test
    void shouldCountAMessageOnceWhenLearntTwiceWhileItsEntryIsQueued(@TempDir Path queuedDirectory) {
        TrainingKey key = TrainingKey.mailboxMessage(ALICE, "queued");
        ChangeCursor cursor;
        try (LuceneBayesStore queuing = withoutTimedCommits(queuedDirectory)) {
            cursor = queuing.cursor();
            assertThat(queuing.write(new EntryWrite(key, EntryState.SPAM, Source.MOVE, () -> Teaching.of(Set.of("a")))))
                .isPresent();
            assertThat(queuing.write(new EntryWrite(key, EntryState.SPAM, Source.MOVE, () -> {
                throw new AssertionError("the queued entry was not found");
            }))).isEmpty();
            assertThat(queuing.entry(key).orElseThrow().revision()).isEqualTo(1);
            assertThat(queuing.changesSince(cursor, 10).entries()).extracting(TrainingEntry::revision)
                .containsExactly(1L);
        }
        try (LuceneBayesStore reopened = LuceneBayesStore.open(queuedDirectory)) {
            assertThat(reopened.entry(key).orElseThrow().revision()).isEqualTo(1);
            assertThat(reopened.changesSince(cursor, 10).entries()).hasSize(1);
        }
    }

    @Test
    void shouldCommitEveryQueuedEntryOfConcurrentWritersWhenClosed(@TempDir Path queuedDirectory) {
        try (LuceneBayesStore queuing = withoutTimedCommits(queuedDirectory)) {
            IntStream.range(0, 8).parallel().forEach(writer -> IntStream.range(0, 100).forEach(i ->
                queuing.write(new EntryWrite(TrainingKey.mailboxMessage(ALICE, writer + "-" + i), EntryState.SPAM,
                    Source.MOVE, () -> Teaching.of(Set.of("token-" + i))))));
            Set<TrainingKey> seen = new HashSet<>();
            queuing.forEachEntry(Optional.of(ALICE), entry -> seen.add(entry.key()));
            assertThat(seen).hasSize(800);
        }
        try (LuceneBayesStore reopened = LuceneBayesStore.open(queuedDirectory)) {
            Set<TrainingKey> durable = new HashSet<>();
            reopened.forEachEntry(Optional.empty(), entry -> durable.add(entry.key()));
            assertThat(durable).hasSize(800);
            assertThat(reopened.cursor().position()).isEqualTo(800);
        }
    }

    /**
     * Writers keep writing while the store closes: each write either returns and is on disk after a reopen, or fails
     * as a write to a closed store; close itself commits what was accepted and does not fail.
     */
    @Test
    void shouldKeepEveryAcceptedWriteAndRefuseTheRestWhenWritesRaceClose(@TempDir Path raceDirectory) throws Exception {
        for (int round = 0; round < 20; round++) {
            Path roundDirectory = raceDirectory.resolve("round-" + round);
            LuceneBayesStore racing = withoutTimedCommits(roundDirectory);
            ConcurrentLinkedQueue<TrainingKey> accepted = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<Throwable> refusals = new ConcurrentLinkedQueue<>();
            CountDownLatch writing = new CountDownLatch(4);
            List<Thread> writers = IntStream.range(0, 4).mapToObj(writer -> new Thread(() -> {
                for (int i = 0; ; i++) {
                    TrainingKey key = TrainingKey.mailboxMessage(ALICE, writer + "-" + i);
                    try {
                        racing.write(new EntryWrite(key, EntryState.SPAM, Source.MOVE,
                            () -> Teaching.of(Set.of("token"))));
                        accepted.add(key);
                        if (i == 10) {
                            writing.countDown();
                        }
                    } catch (RuntimeException refused) {
                        refusals.add(refused);
                        if (i <= 10) {
                            writing.countDown();
                        }
                        return;
                    }
                }
            })).toList();
            writers.forEach(Thread::start);
            writing.await();

            racing.close();
            for (Thread writer : writers) {
                writer.join();
            }

            assertThat(refusals).allSatisfy(refusal -> assertThat(refusal).isInstanceOf(IllegalStateException.class));
            try (LuceneBayesStore reopened = LuceneBayesStore.open(roundDirectory)) {
                Set<TrainingKey> durable = new HashSet<>();
                reopened.forEachEntry(Optional.empty(), entry -> durable.add(entry.key()));
                assertThat(durable).containsExactlyInAnyOrderElementsOf(accepted);
            }
        }
    }
}
