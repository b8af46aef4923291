package org.hackablemail.cli.bayes;

import org.hackablemail.bayes.BayesianFilter;
import org.hackablemail.bayes.model.ModelStatistics;

/** A store's statistics as the CLI prints them, one {@code name: value} a line. */
final class StoreSummary {
    private StoreSummary() {
    }

    static String of(BayesianFilter filter) {
        ModelStatistics statistics = filter.statistics();
        return String.join(System.lineSeparator(),
            "spam messages: " + statistics.spamMessages(),
            "ham messages: " + statistics.hamMessages(),
            "tokens: " + statistics.distinctTokens() + " (in spam " + statistics.spamTokens() + ", in ham " + statistics.hamTokens() + ")",
            "trained messages: " + statistics.trainedMessages() + " (users with a personal layer: "
                + statistics.usersWithLayers() + ")",
            "size: " + filter.storeSizeInBytes() + " bytes",
            "last trained: " + statistics.lastTrained().map(Object::toString).orElse("never"));
    }
}
