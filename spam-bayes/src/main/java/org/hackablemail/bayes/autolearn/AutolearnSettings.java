package org.hackablemail.bayes.autolearn;

/**
 * Autolearn: the shared model learns the messages it is very sure of, guarded as rspamd guards it.
 *
 * @param enabled     off by default
 * @param spamAbove   shared scores at or above this are learnt as spam
 * @param hamBelow    shared scores at or below this are learnt as ham
 * @param minMessages nothing is learnt automatically until the shared model holds this many messages of each class
 * @param balance     a class is not learnt while the shared model holds more than this fraction more messages of it
 *                    than of the other (0.11: 11 %), so autolearn cannot run away with one class
 */
public record AutolearnSettings(boolean enabled, double spamAbove, double hamBelow, int minMessages, double balance) {
    public static final AutolearnSettings OFF = new AutolearnSettings(false, 0.999, 0.001, 200, 0.11);

    public AutolearnSettings {
        if (!(hamBelow >= 0 && hamBelow < spamAbove && spamAbove <= 1) || minMessages < 0 || !(balance >= 0)) {
            throw new IllegalArgumentException("Invalid autolearn settings: " + this);
        }
    }
}
