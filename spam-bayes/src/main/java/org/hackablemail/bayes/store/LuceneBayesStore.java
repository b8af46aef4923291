package org.hackablemail.bayes.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.hackablemail.bayes.TokenCount;

/**
 * The single-node store: a Lucene index in one directory. One document per trained message (its key, state, tokens,
 * class print, revision and a store-wide sequence number for the change feed) and one per baseline token; the
 * baseline's message totals, the generation and the last sequence number live in the commit's user data.
 *
 * <p><b>Group commit.</b> A write of entries is decided and recorded in memory (the queue of entries not yet
 * committed, which every read consults first) and returns at once; the store's writer thread commits whatever is
 * queued at most every {@link #DEFAULT_COMMIT_INTERVAL} (one Lucene commit, one disk sync, for many moves). Each commit
 * is all or nothing and a crash leaves the previous one: it loses at most the writes of the last interval.
 * {@link #close()} commits what is queued. A commit that fails keeps the queue and is retried on the next interval;
 * meanwhile writes fail, so callers see the outage. A reset commits at once. Readers use a near-real-time searcher
 * refreshed after each commit.</p>
 *
 * <p>A directory written by the earlier token-only store opens as a baseline with no entries.</p>
 */
public final class LuceneBayesStore implements BayesStore {
    private static final String KIND = "kind";
    private static final String ENTRY_KIND = "entry";
    private static final String TOKEN_KIND = "token";
    private static final String KEY = "key";
    private static final String SCOPE = "scope";
    private static final String STATE = "state";
    private static final String TOKENS = "tokens";
    private static final String PRINT = "print";
    private static final String SOURCE = "source";
    private static final String UPDATED = "updated";
    private static final String REVISION = "revision";
    private static final String SEQUENCE = "sequence";
    private static final String TOKEN = "token";
    private static final String SPAM = "spam";
    private static final String HAM = "ham";
    private static final String SPAM_MESSAGES = "spamMessages";
    private static final String HAM_MESSAGES = "hamMessages";
    private static final String GENERATION = "generation";
    private static final char TOKEN_SEPARATOR = '\n';

    /** How long a write may wait in memory before its commit: what a crash can lose. */
    public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofMillis(100);
    private static final System.Logger LOGGER = System.getLogger(LuceneBayesStore.class.getName());

    private final Directory directory;
    private final Clock clock;
    private final long commitIntervalMillis;
    private final ScheduledThreadPoolExecutor writerThread = writerThread();
    /** Entries written but not committed yet, by key, with their sequence numbers; guarded by {@code this}. */
    private final Map<TrainingKey, Queued> queued = new LinkedHashMap<>();
    private boolean commitScheduled;
    private IOException commitFailure;
    /** Set first by close, under the lock: no write is queued after close's last commit. */
    private boolean closed;
    private IndexWriter writer;
    private SearcherManager searchers;
    private volatile String generation;
    private long sequence;
    private long baselineSpam;
    private long baselineHam;

    /** Close commits the queue itself: a commit scheduled for later is dropped, not awaited. */
    private static ScheduledThreadPoolExecutor writerThread() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "hackablemail-bayes-writer");
            thread.setDaemon(true);
            return thread;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return executor;
    }

    private record Queued(TrainingEntry entry, long sequence) {
    }

    private LuceneBayesStore(Directory directory, Clock clock, Duration commitInterval) throws IOException {
        this.directory = directory;
        this.clock = clock;
        this.commitIntervalMillis = commitInterval.toMillis();
        openWriter();
        Map<String, String> data = committedData();
        baselineSpam = Long.parseLong(data.getOrDefault(SPAM_MESSAGES, "0"));
        baselineHam = Long.parseLong(data.getOrDefault(HAM_MESSAGES, "0"));
        sequence = Long.parseLong(data.getOrDefault(SEQUENCE, "0"));
        generation = data.get(GENERATION);
        if (generation == null) {
            generation = UUID.randomUUID().toString();
            commit();
        }
    }

    /** Opens the store under {@code directory}, creating it if needed. */
    public static LuceneBayesStore open(Path directory) {
        return open(directory, Clock.systemUTC());
    }

    public static LuceneBayesStore open(Path directory, Clock clock) {
        return open(directory, clock, DEFAULT_COMMIT_INTERVAL);
    }

    public static LuceneBayesStore open(Path directory, Clock clock, Duration commitInterval) {
        try {
            Files.createDirectories(directory);
            Directory opened = FSDirectory.open(directory);
            try {
                return new LuceneBayesStore(opened, clock, commitInterval);
            } catch (IOException | RuntimeException e) {
                opened.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the Bayes store in " + directory, e);
        }
    }

    @Override
    public Optional<TrainingEntry> entry(TrainingKey key) {
        try {
            return current(key);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Bayes store", e);
        }
    }

    @Override
    public Optional<TrainingEntry> write(EntryWrite write) {
        return writeAll(List.of(write)).get(0);
    }

    /**
     * The teachings are computed first, on the caller's thread, for the messages the store does not know yet (a
     * teaching that cannot be computed fails the whole write, which leaves nothing behind); then the writes are decided
     * against the queued and committed entries and queued, under the store's lock, which serializes the writes of one
     * key. The caller does no disk write: the writer thread commits the queue, and nothing interrupts it (an
     * interrupted Lucene write would close the index's files under every other caller).
     */
    @Override
    public List<Optional<TrainingEntry>> writeAll(List<EntryWrite> writes) {
        if (writes.isEmpty()) {
            return List.of();
        }
        List<EntryWrite> prepared = new ArrayList<>(writes.size());
        Set<TrainingKey> known = new HashSet<>();
        try {
            for (EntryWrite write : writes) {
                boolean first = known.add(write.key());
                prepared.add(first && write.state().teaches() && current(write.key()).isEmpty()
                    ? new EntryWrite(write.key(), write.state(), write.source(), precomputed(write.teaching().get()))
                    : write);
            }
            return queue(prepared);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Bayes store", e);
        }
    }

    private static Supplier<Teaching> precomputed(Teaching teaching) {
        return () -> teaching;
    }

    private synchronized List<Optional<TrainingEntry>> queue(List<EntryWrite> writes) throws IOException {
        requireOpen();
        if (commitFailure != null) {
            throw new UncheckedIOException("Cannot write to the Bayes store: its last commit failed", commitFailure);
        }
        Map<TrainingKey, TrainingEntry> written = new LinkedHashMap<>();
        List<Optional<TrainingEntry>> results = new ArrayList<>(writes.size());
        for (EntryWrite write : writes) {
            Optional<TrainingEntry> current = written.containsKey(write.key())
                ? Optional.of(written.get(write.key())) : current(write.key());
            Optional<TrainingEntry> next = next(current, write);
            next.ifPresent(entry -> written.put(entry.key(), entry));
            results.add(next);
        }
        for (TrainingEntry entry : written.values()) {
            queued.remove(entry.key());
            queued.put(entry.key(), new Queued(entry, ++sequence));
        }
        if (!written.isEmpty() && !commitScheduled) {
            commitScheduled = true;
            writerThread.schedule(this::commitQueued, commitIntervalMillis, TimeUnit.MILLISECONDS);
        }
        return results;
    }

    /** On the writer thread: one commit of what is queued; the queue keeps what a failed commit did not write. */
    private void commitQueued() {
        List<Queued> batch;
        Map<String, String> data;
        synchronized (this) {
            commitScheduled = false;
            if (queued.isEmpty()) {
                return;
            }
            batch = List.copyOf(queued.values());
            data = commitData();
        }
        try {
            for (Queued entry : batch) {
                writer.updateDocument(new Term(KEY, entry.entry().key().asString()),
                    document(entry.entry(), entry.sequence()));
            }
            writer.setLiveCommitData(data.entrySet());
            writer.commit();
            searchers.maybeRefreshBlocking();
            synchronized (this) {
                commitFailure = null;
                // Only what this commit wrote leaves the queue: a newer write of a key waits for the next commit.
                batch.forEach(entry -> queued.remove(entry.entry().key(), entry));
                scheduleIfQueued();
            }
        } catch (IOException | RuntimeException e) {
            LOGGER.log(System.Logger.Level.WARNING, "Cannot commit " + batch.size()
                + " Bayes training entries; retrying in " + commitIntervalMillis + " ms", e);
            synchronized (this) {
                commitFailure = e instanceof IOException io ? io : new IOException(e);
                try {
                    reopenWriter();
                } finally {
                    scheduleIfQueued();
                }
            }
        }
    }

    private void scheduleIfQueued() {
        if (!queued.isEmpty() && !commitScheduled && !writerThread.isShutdown()) {
            commitScheduled = true;
            writerThread.schedule(this::commitQueued, commitIntervalMillis, TimeUnit.MILLISECONDS);
        }
    }

    /** Holding the lock. */
    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("The Bayes store is closed");
        }
    }

    private <T> T onWriterThread(Callable<T> write) {
        Future<T> result;
        try {
            result = writerThread.submit(write);
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("The Bayes store is closed", e);
        }
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return result.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw new IllegalStateException("Unexpected failure of a Bayes store write", e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Optional<TrainingEntry> next(Optional<TrainingEntry> current, EntryWrite write) {
        if (current.isEmpty()) {
            if (!write.state().teaches()) {
                return Optional.empty();
            }
            Teaching teaching = write.teaching().get();
            return Optional.of(new TrainingEntry(write.key(), write.state(), teaching, write.source(), now(), 1));
        }
        TrainingEntry known = current.get();
        if (known.state() == write.state()) {
            return Optional.empty();
        }
        return Optional.of(new TrainingEntry(write.key(), write.state(), known.teaching(), write.source(), now(),
            known.revision() + 1));
    }

    /** Milliseconds, as stored: an entry read back equals the one written. */
    private Instant now() {
        return Instant.ofEpochMilli(clock.millis());
    }

    @Override
    public void forEachEntry(Optional<Scope> scope, Consumer<TrainingEntry> consumer) {
        Query query = scope.<Query>map(s -> new TermQuery(new Term(SCOPE, s.key())))
            .orElse(new TermQuery(new Term(KIND, ENTRY_KIND)));
        // The queue first, the searcher after: an entry leaves the queue only once the searcher shows it.
        Map<TrainingKey, TrainingEntry> pending = new LinkedHashMap<>();
        synchronized (this) {
            queued.forEach((key, entry) -> pending.put(key, entry.entry()));
        }
        try {
            visit(query, fields -> {
                TrainingEntry entry = entryOf(fields);
                if (!pending.containsKey(entry.key()) && entry.state().teaches()) {
                    consumer.accept(entry);
                }
            });
            pending.values().stream()
                .filter(entry -> entry.state().teaches())
                .filter(entry -> scope.map(s -> s.key().equals(entry.key().scope().key())).orElse(true))
                .forEach(consumer);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Bayes store", e);
        }
    }

    @Override
    public synchronized ChangeCursor cursor() {
        return new ChangeCursor(generation, sequence);
    }

    /** The committed changes in the range and the queued ones, merged by sequence number. */
    @Override
    public Changes changesSince(ChangeCursor cursor, int limit) {
        ChangeCursor now;
        TreeMap<Long, TrainingEntry> changes = new TreeMap<>();
        synchronized (this) {
            now = cursor();
            queued.values().stream().filter(entry -> entry.sequence() > cursor.position())
                .forEach(entry -> changes.put(entry.sequence(), entry.entry()));
        }
        if (!now.generation().equals(cursor.generation())) {
            return new Changes(List.of(), now, true);
        }
        int wanted = Math.max(1, limit);
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                TopDocs top = searcher.search(LongPoint.newRangeQuery(SEQUENCE, cursor.position() + 1, now.position()),
                    wanted, new Sort(new SortField(SEQUENCE, SortField.Type.LONG)));
                StoredFields fields = searcher.storedFields();
                for (ScoreDoc hit : top.scoreDocs) {
                    Document document = fields.document(hit.doc);
                    changes.put(document.getField(SEQUENCE).numericValue().longValue(), entryOf(document));
                }
                boolean more = top.scoreDocs.length >= wanted || changes.size() > wanted;
                List<TrainingEntry> entries = new ArrayList<>(wanted);
                long last = cursor.position();
                for (Map.Entry<Long, TrainingEntry> change : changes.entrySet()) {
                    if (entries.size() == wanted) {
                        break;
                    }
                    entries.add(change.getValue());
                    last = change.getKey();
                }
                return new Changes(entries, new ChangeCursor(cursor.generation(), more ? last : now.position()), false);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Bayes store", e);
        }
    }

    @Override
    public Baseline baseline() {
        Map<String, TokenCount> counts = new HashMap<>();
        Query notEntries = new BooleanQuery.Builder()
            .add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST)
            .add(new TermQuery(new Term(KIND, ENTRY_KIND)), BooleanClause.Occur.MUST_NOT)
            .build();
        try {
            visit(notEntries, document -> counts.put(document.get(TOKEN), new TokenCount(
                document.getField(SPAM).numericValue().intValue(), document.getField(HAM).numericValue().intValue())));
            synchronized (this) {
                return new Baseline(counts, baselineSpam, baselineHam);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Bayes store", e);
        }
    }

    @Override
    public void reset(Baseline baseline) {
        onWriterThread(() -> {
            resetNow(baseline);
            return null;
        });
    }

    /** On the writer thread, holding the lock: nothing is queued meanwhile, and the queue is dropped with the rest. */
    private synchronized void resetNow(Baseline baseline) {
        requireOpen();
        String generationBefore = generation;
        long spamBefore = baselineSpam;
        long hamBefore = baselineHam;
        try {
            writer.deleteAll();
            for (Map.Entry<String, TokenCount> count : baseline.counts().entrySet()) {
                writer.addDocument(tokenDocument(count.getKey(), count.getValue()));
            }
            baselineSpam = baseline.spamMessages();
            baselineHam = baseline.hamMessages();
            generation = UUID.randomUUID().toString();
            commit();
            searchers.maybeRefreshBlocking();
            queued.clear();
            commitFailure = null;
        } catch (IOException | RuntimeException e) {
            generation = generationBefore;
            baselineSpam = spamBefore;
            baselineHam = hamBefore;
            reopenWriter();
            throw e instanceof IOException io ? new UncheckedIOException("Cannot reset the Bayes store", io)
                : (RuntimeException) e;
        }
    }

    @Override
    public long sizeInBytes() {
        try {
            long size = 0;
            for (String file : directory.listAll()) {
                size += directory.fileLength(file);
            }
            return size;
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * Refuses further writes, commits what is queued, then closes the index; a queue the last commit could not write is
     * reported. Idempotent.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        onWriterThread(() -> {
            commitQueued();
            return null;
        });
        writerThread.shutdown();
        try {
            if (!writerThread.awaitTermination(1, TimeUnit.MINUTES)) {
                throw new IllegalStateException("The Bayes store's writes did not end within a minute");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int lost;
        synchronized (this) {
            lost = queued.size();
            closeIndex();
        }
        if (lost > 0) {
            throw new UncheckedIOException("The Bayes store closed with " + lost + " training entries it could not commit",
                commitFailure);
        }
    }

    private void closeIndex() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot close the Bayes store", e);
        }
    }

    /** The queue first, the searcher after: an entry leaves the queue only once the searcher shows it. */
    private Optional<TrainingEntry> current(TrainingKey key) throws IOException {
        Queued pending;
        synchronized (this) {
            pending = queued.get(key);
        }
        return pending != null ? Optional.of(pending.entry()) : find(key);
    }

    private Optional<TrainingEntry> find(TrainingKey key) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            TopDocs top = searcher.search(new TermQuery(new Term(KEY, key.asString())), 1);
            if (top.scoreDocs.length == 0) {
                return Optional.empty();
            }
            return Optional.of(entryOf(searcher.storedFields().document(top.scoreDocs[0].doc)));
        } finally {
            searchers.release(searcher);
        }
    }

    @FunctionalInterface
    private interface DocumentVisitor {
        void visit(Document document) throws IOException;
    }

    private void visit(Query query, DocumentVisitor visitor) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1);
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                Scorer scorer = weight.scorer(leaf);
                if (scorer == null) {
                    continue;
                }
                Bits live = leaf.reader().getLiveDocs();
                StoredFields fields = leaf.reader().storedFields();
                DocIdSetIterator docs = scorer.iterator();
                for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                    if (live == null || live.get(doc)) {
                        visitor.visit(fields.document(doc));
                    }
                }
            }
        } finally {
            searchers.release(searcher);
        }
    }

    private void openWriter() throws IOException {
        IndexWriterConfig config = new IndexWriterConfig()
            .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
            .setRAMBufferSizeMB(64)
            .setCommitOnClose(false);
        writer = new IndexWriter(directory, config);
        if (!DirectoryReader.indexExists(directory)) {
            writer.commit();
        }
        searchers = new SearcherManager(writer, null);
    }

    private Map<String, String> committedData() throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            return reader.getIndexCommit().getUserData();
        }
    }

    private void commit() throws IOException {
        writer.setLiveCommitData(commitData().entrySet());
        writer.commit();
    }

    private Map<String, String> commitData() {
        return Map.of(
            SPAM_MESSAGES, Long.toString(baselineSpam),
            HAM_MESSAGES, Long.toString(baselineHam),
            SEQUENCE, Long.toString(sequence),
            GENERATION, generation);
    }

    /** Rollback closes the writer, so a fresh one is opened on the last commit; the queue and totals stay in memory. */
    private void reopenWriter() {
        try {
            searchers.close();
            writer.rollback();
            openWriter();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot reopen the Bayes store after a failed write", e);
        }
    }

    private static Document document(TrainingEntry entry, long sequence) {
        Document document = new Document();
        document.add(new StringField(KIND, ENTRY_KIND, Field.Store.NO));
        document.add(new StringField(KEY, entry.key().asString(), Field.Store.YES));
        document.add(new StringField(SCOPE, entry.key().scope().key(), Field.Store.NO));
        document.add(new StoredField(STATE, entry.state().name()));
        document.add(new StoredField(TOKENS, new BytesRef(String.join(String.valueOf(TOKEN_SEPARATOR),
            entry.teaching().tokens()).getBytes(StandardCharsets.UTF_8))));
        document.add(new StoredField(PRINT, new BytesRef(printBytes(entry.teaching().print()))));
        document.add(new StoredField(SOURCE, entry.source().name()));
        document.add(new StoredField(UPDATED, entry.updated().toEpochMilli()));
        document.add(new StoredField(REVISION, entry.revision()));
        document.add(new LongPoint(SEQUENCE, sequence));
        document.add(new NumericDocValuesField(SEQUENCE, sequence));
        document.add(new StoredField(SEQUENCE, sequence));
        return document;
    }

    private static TrainingEntry entryOf(Document document) {
        String tokens = document.getBinaryValue(TOKENS).utf8ToString();
        List<String> list = tokens.isEmpty() ? List.of() : Arrays.asList(tokens.split(String.valueOf(TOKEN_SEPARATOR)));
        BytesRef print = document.getBinaryValue(PRINT);
        return new TrainingEntry(
            TrainingKey.parse(document.get(KEY)),
            EntryState.valueOf(document.get(STATE)),
            new Teaching(Set.copyOf(list), printOf(print)),
            Source.valueOf(document.get(SOURCE)),
            Instant.ofEpochMilli(document.getField(UPDATED).numericValue().longValue()),
            document.getField(REVISION).numericValue().longValue());
    }

    private static byte[] printBytes(ClassPrint print) {
        ByteBuffer buffer = ByteBuffer.allocate(Long.BYTES * print.size());
        for (int i = 0; i < print.size(); i++) {
            buffer.putLong(print.band(i));
        }
        return buffer.array();
    }

    private static ClassPrint printOf(BytesRef bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes.bytes, bytes.offset, bytes.length);
        long[] bands = new long[bytes.length / Long.BYTES];
        for (int i = 0; i < bands.length; i++) {
            bands[i] = buffer.getLong();
        }
        return ClassPrint.of(bands);
    }

    private static Document tokenDocument(String token, TokenCount count) {
        Document document = new Document();
        document.add(new StringField(KIND, TOKEN_KIND, Field.Store.NO));
        document.add(new StringField(TOKEN, token, Field.Store.YES));
        document.add(new StoredField(SPAM, count.spam()));
        document.add(new StoredField(HAM, count.ham()));
        return document;
    }
}
