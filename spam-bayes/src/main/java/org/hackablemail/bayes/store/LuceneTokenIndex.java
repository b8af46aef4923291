package org.hackablemail.bayes.store;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.hackablemail.bayes.TokenCount;

/**
 * The durable half of the store: one Lucene document per token, message totals in the commit's user data so that they
 * change atomically with the counts. A Lucene commit is all-or-nothing, so a crash leaves the last commit intact.
 */
final class LuceneTokenIndex implements AutoCloseable {
    private static final String TOKEN = "token";
    private static final String SPAM = "spam";
    private static final String HAM = "ham";
    private static final String SPAM_MESSAGES = "spamMessages";
    private static final String HAM_MESSAGES = "hamMessages";
    private static final String LAST_TRAINED = "lastTrained";

    private final Directory directory;
    private IndexWriter writer;

    LuceneTokenIndex(Path path) throws IOException {
        this.directory = FSDirectory.open(path);
        this.writer = openWriter();
    }

    /** Reads every token of the last commit into {@code counts} and returns the totals. */
    Totals load(Map<String, TokenCount> counts) throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                loadLeaf(leaf.reader(), counts);
            }
            return totalsOf(reader.getIndexCommit().getUserData());
        }
    }

    /**
     * Adds the new tokens, rewrites the known ones, records the new totals and commits; on failure nothing of it is
     * kept. New tokens are added without the delete-by-term of an update, which halves the cost of a first training.
     */
    void write(Map<String, TokenCount> added, Map<String, TokenCount> updated, Totals totals) throws IOException {
        try {
            for (Map.Entry<String, TokenCount> entry : added.entrySet()) {
                writer.addDocument(document(entry.getKey(), entry.getValue()));
            }
            for (Map.Entry<String, TokenCount> entry : updated.entrySet()) {
                writer.updateDocument(new Term(TOKEN, entry.getKey()), document(entry.getKey(), entry.getValue()));
            }
            commit(totals);
        } catch (IOException | RuntimeException e) {
            discardUncommitted();
            throw e;
        }
    }

    /** Replaces the whole content in one commit. */
    void replaceAll(Map<String, TokenCount> counts, Totals totals) throws IOException {
        writer.deleteAll();
        write(counts, Map.of(), totals);
    }

    long sizeInBytes() throws IOException {
        long size = 0;
        for (String file : directory.listAll()) {
            size += directory.fileLength(file);
        }
        return size;
    }

    @Override
    public void close() throws IOException {
        writer.close();
        directory.close();
    }

    private IndexWriter openWriter() throws IOException {
        IndexWriterConfig config = new IndexWriterConfig()
            .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
            .setRAMBufferSizeMB(64)
            .setCommitOnClose(false);
        IndexWriter opened = new IndexWriter(directory, config);
        if (!DirectoryReader.indexExists(directory)) {
            opened.commit();
        }
        return opened;
    }

    private void commit(Totals totals) throws IOException {
        writer.setLiveCommitData(Map.of(
            SPAM_MESSAGES, Long.toString(totals.spamMessages()),
            HAM_MESSAGES, Long.toString(totals.hamMessages()),
            LAST_TRAINED, totals.lastTrained().map(instant -> Long.toString(instant.toEpochMilli())).orElse("")).entrySet());
        writer.commit();
    }

    /** Rollback closes the writer, so a fresh one is opened on the last commit. */
    private void discardUncommitted() throws IOException {
        writer.rollback();
        writer = openWriter();
    }

    private static void loadLeaf(LeafReader leaf, Map<String, TokenCount> counts) throws IOException {
        Bits live = leaf.getLiveDocs();
        StoredFields fields = leaf.storedFields();
        for (int doc = 0; doc < leaf.maxDoc(); doc++) {
            if (live == null || live.get(doc)) {
                Document document = fields.document(doc);
                counts.put(document.get(TOKEN), new TokenCount(
                    document.getField(SPAM).numericValue().intValue(), document.getField(HAM).numericValue().intValue()));
            }
        }
    }

    private static Totals totalsOf(Map<String, String> userData) {
        String lastTrained = userData.getOrDefault(LAST_TRAINED, "");
        return new Totals(
            Long.parseLong(userData.getOrDefault(SPAM_MESSAGES, "0")),
            Long.parseLong(userData.getOrDefault(HAM_MESSAGES, "0")),
            lastTrained.isEmpty() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(Long.parseLong(lastTrained))));
    }

    private static Document document(String token, TokenCount count) {
        Document document = new Document();
        document.add(new StringField(TOKEN, token, Field.Store.YES));
        document.add(new StoredField(SPAM, count.spam()));
        document.add(new StoredField(HAM, count.ham()));
        return document;
    }
}
