package org.hackablemail.bayes.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.hackablemail.bayes.Label;
import org.hackablemail.bayes.TokenCount;
import org.hackablemail.bayes.TokenStatistics;

/**
 * Token counts kept in a concurrent map for lock-free classification, and in a Lucene index under one directory for
 * durability. Writers (training, import, reset) are serialized; each is one Lucene commit, and becomes visible to
 * readers only once committed. Readers may see a training batch's tokens a moment before its totals, which moves a
 * score by a hair and never breaks a classification.
 */
public final class LuceneTokenStore implements TokenStatistics, AutoCloseable {
    private final LuceneTokenIndex index;
    private final Clock clock;
    private volatile ConcurrentHashMap<String, TokenCount> counts = new ConcurrentHashMap<>();
    private volatile Totals totals;

    private LuceneTokenStore(LuceneTokenIndex index, Clock clock) throws IOException {
        this.index = index;
        this.clock = clock;
        this.totals = index.load(counts);
    }

    /** Opens the store under {@code directory}, creating it if needed, and loads it into memory. */
    public static LuceneTokenStore open(Path directory) throws IOException {
        return open(directory, Clock.systemUTC());
    }

    static LuceneTokenStore open(Path directory, Clock clock) throws IOException {
        Files.createDirectories(directory);
        LuceneTokenIndex index = new LuceneTokenIndex(directory);
        try {
            return new LuceneTokenStore(index, clock);
        } catch (IOException | RuntimeException e) {
            index.close();
            throw e;
        }
    }

    /** Learns a batch of messages, each given as its distinct tokens, in one commit. */
    public synchronized void train(Label label, Collection<? extends Collection<String>> messages) throws IOException {
        if (messages.isEmpty()) {
            return;
        }
        Map<String, int[]> seen = new HashMap<>();
        for (Collection<String> tokens : messages) {
            for (String token : tokens) {
                seen.computeIfAbsent(token, absent -> new int[1])[0]++;
            }
        }
        Map<String, TokenCount> added = new HashMap<>();
        Map<String, TokenCount> updated = new HashMap<>();
        seen.forEach((token, messageCount) -> {
            TokenCount learnt = TokenCount.of(label, messageCount[0]);
            TokenCount known = counts.get(token);
            if (known == null) {
                added.put(token, learnt);
            } else {
                updated.put(token, known.plus(learnt));
            }
        });
        long spam = label == Label.SPAM ? messages.size() : 0;
        Totals trained = totals.plus(spam, messages.size() - spam, clock.instant());
        index.write(added, updated, trained);
        counts.putAll(added);
        counts.putAll(updated);
        totals = trained;
    }

    @Override
    public long spamMessages() {
        return totals.spamMessages();
    }

    @Override
    public long hamMessages() {
        return totals.hamMessages();
    }

    @Override
    public TokenCount count(String token) {
        return counts.getOrDefault(token, TokenCount.NONE);
    }

    public synchronized StoreStatistics statistics() throws IOException {
        long spamTokens = counts.values().stream().filter(count -> count.spam() > 0).count();
        long hamTokens = counts.values().stream().filter(count -> count.ham() > 0).count();
        return new StoreStatistics(totals, counts.size(), spamTokens, hamTokens, index.sizeInBytes());
    }

    /** Writes every count in the portable format of {@link ExportFormat}. */
    public synchronized void exportTo(OutputStream out) throws IOException {
        ExportFormat.write(totals, counts, out);
    }

    /** Replaces the whole content with an export; on a malformed export the store is left unchanged. */
    public synchronized void importFrom(InputStream in) throws IOException {
        ConcurrentHashMap<String, TokenCount> imported = new ConcurrentHashMap<>();
        Totals importedTotals = ExportFormat.read(in, imported);
        index.replaceAll(imported, importedTotals);
        replace(imported, importedTotals);
    }

    /** Forgets everything. */
    public synchronized void clear() throws IOException {
        index.replaceAll(Map.of(), Totals.EMPTY);
        replace(new ConcurrentHashMap<>(), Totals.EMPTY);
    }

    @Override
    public synchronized void close() throws IOException {
        index.close();
    }

    private void replace(ConcurrentHashMap<String, TokenCount> newCounts, Totals newTotals) {
        counts = newCounts;
        totals = newTotals;
    }
}
