package org.hackablemail.bayes.store;

import java.util.Map;

import org.hackablemail.bayes.TokenCount;

/**
 * Shared counts that no trained message accounts for: an imported export, or a store trained before training was
 * recorded per message. They add to the shared model and cannot be untrained message by message, only replaced.
 */
public record Baseline(Map<String, TokenCount> counts, long spamMessages, long hamMessages) {
    public static final Baseline EMPTY = new Baseline(Map.of(), 0, 0);

    public Baseline {
        counts = Map.copyOf(counts);
        if (spamMessages < 0 || hamMessages < 0) {
            throw new IllegalArgumentException("Message totals cannot be negative");
        }
    }

    public boolean isEmpty() {
        return counts.isEmpty() && spamMessages == 0 && hamMessages == 0;
    }
}
