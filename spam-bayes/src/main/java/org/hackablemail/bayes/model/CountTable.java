package org.hackablemail.bayes.model;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.hackablemail.bayes.TokenCount;
import org.hackablemail.bayes.TokenStatistics;
import org.hackablemail.bayes.store.EntryState;

/**
 * Token counts and message totals in memory, read without locks by any number of classifying threads. Writes come
 * from one folding thread at a time (the caller serializes them); a reader may see part of a message's tokens updated
 * before the rest and the totals, which moves a score by a hair and never breaks a classification.
 */
public final class CountTable implements TokenStatistics {
    private final ConcurrentHashMap<String, TokenCount> counts;
    private volatile long spamMessages;
    private volatile long hamMessages;

    public CountTable() {
        this.counts = new ConcurrentHashMap<>();
    }

    /** A table starting from fixed counts, such as a baseline. */
    public CountTable(Map<String, TokenCount> initial, long spamMessages, long hamMessages) {
        this.counts = new ConcurrentHashMap<>(initial);
        this.spamMessages = spamMessages;
        this.hamMessages = hamMessages;
    }

    @Override
    public long spamMessages() {
        return spamMessages;
    }

    @Override
    public long hamMessages() {
        return hamMessages;
    }

    @Override
    public TokenCount count(String token) {
        return counts.getOrDefault(token, TokenCount.NONE);
    }

    public int distinctTokens() {
        return counts.size();
    }

    /** Every count, for exports and statistics: a weakly consistent live view. */
    public Map<String, TokenCount> view() {
        return java.util.Collections.unmodifiableMap(counts);
    }

    /** Takes back what a message taught as {@code before} and adds what it teaches as {@code after}. */
    void move(Collection<String> tokens, EntryState before, EntryState after) {
        if (before == after) {
            return;
        }
        int spam = (after == EntryState.SPAM ? 1 : 0) - (before == EntryState.SPAM ? 1 : 0);
        int ham = (after == EntryState.HAM ? 1 : 0) - (before == EntryState.HAM ? 1 : 0);
        for (String token : tokens) {
            counts.compute(token, (key, known) -> {
                TokenCount current = known == null ? TokenCount.NONE : known;
                int newSpam = Math.max(0, current.spam() + spam);
                int newHam = Math.max(0, current.ham() + ham);
                return newSpam + newHam == 0 ? null : new TokenCount(newSpam, newHam);
            });
        }
        spamMessages = Math.max(0, spamMessages + spam);
        hamMessages = Math.max(0, hamMessages + ham);
    }
}
