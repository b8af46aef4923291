package org.hackablemail.bayes.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.hackablemail.bayes.Label;
import org.hackablemail.bayes.TokenCount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneTokenStoreTest {
    private static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path directory;

    @Test
    void shouldCountEachMessageOnceWhenTrainingBatch() throws Exception {
        try (LuceneTokenStore store = LuceneTokenStore.open(directory, CLOCK)) {
            store.train(Label.SPAM, List.of(Set.of("viagra", "cheap"), Set.of("viagra")));
            store.train(Label.HAM, List.of(Set.of("cheap", "meeting")));

            assertThat(store.count("viagra")).isEqualTo(new TokenCount(2, 0));
            assertThat(store.count("cheap")).isEqualTo(new TokenCount(1, 1));
            assertThat(store.count("unseen")).isEqualTo(TokenCount.NONE);
            assertThat(store.spamMessages()).isEqualTo(2);
            assertThat(store.hamMessages()).isEqualTo(1);
        }
    }

    @Test
    void shouldKeepCountsAndTotalsWhenReopened() throws Exception {
        try (LuceneTokenStore store = LuceneTokenStore.open(directory, CLOCK)) {
            store.train(Label.SPAM, List.of(Set.of("viagra", "cheap")));
            store.train(Label.SPAM, List.of(Set.of("viagra")));
            store.train(Label.HAM, List.of(Set.of("meeting")));
        }

        try (LuceneTokenStore reopened = LuceneTokenStore.open(directory, CLOCK)) {
            assertThat(reopened.count("viagra")).isEqualTo(new TokenCount(2, 0));
            assertThat(reopened.count("meeting")).isEqualTo(new TokenCount(0, 1));
            assertThat(reopened.statistics().totals()).isEqualTo(new Totals(2, 1, Optional.of(NOW)));
        }
    }

    @Test
    void shouldReportSizesWhenAskedForStatistics() throws Exception {
        try (LuceneTokenStore store = LuceneTokenStore.open(directory, CLOCK)) {
            store.train(Label.SPAM, List.of(Set.of("viagra", "cheap")));
            store.train(Label.HAM, List.of(Set.of("cheap", "meeting", "agenda")));

            StoreStatistics statistics = store.statistics();

            assertThat(statistics.distinctTokens()).isEqualTo(4);
            assertThat(statistics.spamTokens()).isEqualTo(2);
            assertThat(statistics.hamTokens()).isEqualTo(3);
            assertThat(statistics.sizeInBytes()).isPositive();
        }
    }

    @Test
    void shouldRestoreEverythingWhenExportIsImportedIntoAnotherStore(@TempDir Path otherDirectory) throws Exception {
        ByteArrayOutputStream export = new ByteArrayOutputStream();
        try (LuceneTokenStore store = LuceneTokenStore.open(directory, CLOCK)) {
            store.train(Label.SPAM, List.of(Set.of("viagra", "subject:free", "url:example.biz")));
            store.train(Label.HAM, List.of(Set.of("réunion", "subject:free")));
            store.exportTo(export);
        }

        try (LuceneTokenStore other = LuceneTokenStore.open(otherDirectory, CLOCK)) {
            other.train(Label.HAM, List.of(Set.of("overwritten")));
            other.importFrom(new ByteArrayInputStream(export.toByteArray()));
        }

        try (LuceneTokenStore reopened = LuceneTokenStore.open(otherDirectory, CLOCK)) {
            assertThat(reopened.count("subject:free")).isEqualTo(new TokenCount(1, 1));
            assertThat(reopened.count("réunion")).isEqualTo(new TokenCount(0, 1));
            assertThat(reopened.count("overwritten")).isEqualTo(TokenCount.NONE);
            assertThat(reopened.statistics().totals()).isEqualTo(new Totals(1, 1, Optional.of(NOW)));
            assertThat(reopened.statistics().distinctTokens()).isEqualTo(4);
        }
    }

    @Test
    void shouldLeaveStoreUnchangedWhenImportIsMalformed() throws Exception {
        String broken = "hackable-mail-bayes\t1\t1\t1\t\nviagra\t1\n";
        try (LuceneTokenStore store = LuceneTokenStore.open(directory, CLOCK)) {
            store.train(Label.SPAM, List.of(Set.of("viagra")));

            assertThatThrownBy(() -> store.importFrom(new ByteArrayInputStream(broken.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(InvalidExportException.class)
                .hasMessageContaining("Line 2");
            assertThat(store.count("viagra")).isEqualTo(new TokenCount(1, 0));
        }
    }

    @Test
    void shouldRejectImportWhenHeaderIsNotOurs() throws Exception {
        try (LuceneTokenStore store = LuceneTokenStore.open(directory, CLOCK)) {
            assertThatThrownBy(() -> store.importFrom(new ByteArrayInputStream("viagra 1 0\n".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(InvalidExportException.class);
        }
    }

    @Test
    void shouldForgetEverythingWhenClearedEvenAfterReopen() throws Exception {
        try (LuceneTokenStore store = LuceneTokenStore.open(directory, CLOCK)) {
            store.train(Label.SPAM, List.of(Set.of("viagra")));
            store.clear();
            assertThat(store.count("viagra")).isEqualTo(TokenCount.NONE);
        }

        try (LuceneTokenStore reopened = LuceneTokenStore.open(directory, CLOCK)) {
            assertThat(reopened.count("viagra")).isEqualTo(TokenCount.NONE);
            assertThat(reopened.statistics().totals()).isEqualTo(Totals.EMPTY);
        }
    }

    @Test
    void shouldSeeOnlyGrowingCountsWhenReadingWhileTraining() throws Exception {
        int batches = 200;
        try (LuceneTokenStore store = LuceneTokenStore.open(directory, CLOCK)) {
            AtomicBoolean training = new AtomicBoolean(true);
            List<CompletableFuture<Boolean>> readers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                readers.add(CompletableFuture.supplyAsync(() -> readMonotonically(store, training)));
            }

            for (int batch = 0; batch < batches; batch++) {
                store.train(Label.SPAM, List.of(Set.of("shared", "spam" + batch)));
                store.train(Label.HAM, List.of(Set.of("shared", "ham" + batch)));
            }
            training.set(false);

            assertThat(readers).allSatisfy(reader -> assertThat(reader.get()).isTrue());
            assertThat(store.count("shared")).isEqualTo(new TokenCount(batches, batches));
            assertThat(store.statistics().distinctTokens()).isEqualTo(2L * batches + 1);
        }
    }

    private static boolean readMonotonically(LuceneTokenStore store, AtomicBoolean training) {
        int lastSpam = 0;
        long lastMessages = 0;
        while (training.get()) {
            int spam = store.count("shared").spam();
            long messages = store.spamMessages();
            if (spam < lastSpam || messages < lastMessages) {
                return false;
            }
            lastSpam = spam;
            lastMessages = messages;
        }
        return true;
    }
}
