package org.hackablemail.bayes.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

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
}
