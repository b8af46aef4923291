package org.hackablemail.bayes.model;

/**
 * How users' training shapes the verdicts.
 *
 * @param minReporters      a class of messages (see {@link org.hackablemail.bayes.store.ClassPrint}) that at least
 *                          this many distinct users trained alike is learnt by the shared model too; 1 makes every
 *                          user's training shared
 * @param minPersonalMessages a user's layer is used once it holds at least this many trained messages
 * @param sharedStrength    for a token the user trained, how many of the user's messages of a class the shared
 *                          model's rate of that class is worth: the user's own rate weighs {@code n / (n + sharedStrength)}
 *                          after n messages of the class, whatever the shared model's size
 * @param maxPersonalTokens distinct tokens a user's layer may hold; training beyond forgets the user's oldest entries
 * @param maxLayersInMemory personal layers kept in memory on this node; the least recently used is dropped beyond
 */
public record LayerSettings(int minReporters, int minPersonalMessages, double sharedStrength, int maxPersonalTokens,
                            int maxLayersInMemory) {
    public static final LayerSettings DEFAULT = new LayerSettings(3, 1, 2.0, 50_000, 1_000);

    public LayerSettings {
        if (minReporters < 1 || minPersonalMessages < 1 || !(sharedStrength > 0) || maxPersonalTokens < 1
            || maxLayersInMemory < 1) {
            throw new IllegalArgumentException("Invalid layer settings: " + this);
        }
    }

    public LayerSettings withMinReporters(int reporters) {
        return new LayerSettings(reporters, minPersonalMessages, sharedStrength, maxPersonalTokens, maxLayersInMemory);
    }

    public LayerSettings withSharedStrength(double strength) {
        return new LayerSettings(minReporters, minPersonalMessages, strength, maxPersonalTokens, maxLayersInMemory);
    }

    public LayerSettings withMaxLayersInMemory(int layers) {
        return new LayerSettings(minReporters, minPersonalMessages, sharedStrength, maxPersonalTokens, layers);
    }

    public LayerSettings withMaxPersonalTokens(int tokens) {
        return new LayerSettings(minReporters, minPersonalMessages, sharedStrength, tokens, maxLayersInMemory);
    }
}
