package org.hackablemail.bayes.model;

/**
 * How users' training shapes the verdicts.
 *
 * @param minReporters      a class of messages (see {@link org.hackablemail.bayes.store.ClassPrint}) that at least
 *                          this many distinct users trained alike is learnt by the shared model too; 1 makes every
 *                          user's training shared
 * @param minPersonalMessages a user's layer is used once it holds at least this many trained messages
 * @param personalWeight    how many shared messages one of the user's own is worth, for the tokens the user trained
 * @param maxPersonalTokens distinct tokens a user's layer may hold; training beyond forgets the user's oldest entries
 * @param maxLayersInMemory personal layers kept in memory on this node; the least recently used is dropped beyond
 */
public record LayerSettings(int minReporters, int minPersonalMessages, double personalWeight, int maxPersonalTokens,
                            int maxLayersInMemory) {
    public static final LayerSettings DEFAULT = new LayerSettings(3, 1, 5.0, 50_000, 1_000);

    public LayerSettings {
        if (minReporters < 1 || minPersonalMessages < 1 || !(personalWeight > 0) || maxPersonalTokens < 1
            || maxLayersInMemory < 1) {
            throw new IllegalArgumentException("Invalid layer settings: " + this);
        }
    }

    public LayerSettings withMinReporters(int reporters) {
        return new LayerSettings(reporters, minPersonalMessages, personalWeight, maxPersonalTokens, maxLayersInMemory);
    }

    public LayerSettings withPersonalWeight(double weight) {
        return new LayerSettings(minReporters, minPersonalMessages, weight, maxPersonalTokens, maxLayersInMemory);
    }

    public LayerSettings withMaxLayersInMemory(int layers) {
        return new LayerSettings(minReporters, minPersonalMessages, personalWeight, maxPersonalTokens, layers);
    }

    public LayerSettings withMaxPersonalTokens(int tokens) {
        return new LayerSettings(minReporters, minPersonalMessages, personalWeight, tokens, maxLayersInMemory);
    }
}
