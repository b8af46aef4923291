package org.hackablemail.cli.bayes;

import org.hackablemail.bayes.store.StoreStatistics;

/** A store's statistics as the CLI prints them, one {@code name: value} a line. */
final class StoreSummary {
    private StoreSummary() {
    }

    static String of(StoreStatistics statistics) {
        return String.join(System.lineSeparator(),
            "spam messages: " + statistics.totals().spamMessages(),
            "ham messages: " + statistics.totals().hamMessages(),
            "tokens: " + statistics.distinctTokens() + " (in spam " + statistics.spamTokens() + ", in ham " + statistics.hamTokens() + ")",
            "size: " + statistics.sizeInBytes() + " bytes",
            "last trained: " + statistics.totals().lastTrained().map(Object::toString).orElse("never"));
    }
}
