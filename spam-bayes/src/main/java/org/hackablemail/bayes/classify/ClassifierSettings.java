package org.hackablemail.bayes.classify;

/**
 * Tuning of the {@link ChiSquareClassifier}.
 *
 * @param spamCutoff        scores at or above are {@link Verdict#YES}
 * @param hamCutoff         scores at or below are {@link Verdict#NO}; between the two cutoffs lies the unsure band
 * @param minSpamMessages   below this many trained spam messages every verdict is {@link Verdict#UNKNOWN}
 * @param minHamMessages    likewise for ham
 * @param strength          Robinson's s: how many messages' worth of weight the prior carries against a token's
 *                          evidence (its counts, in messages of the smaller class: see {@link ChiSquareClassifier})
 * @param prior             Robinson's x: the spamminess assumed for a token seen too rarely to say
 * @param minDeviation      tokens whose spamminess is closer than this to 0.5 are ignored as noise
 * @param maxDiscriminators at most this many tokens, the most extreme, are combined
 */
public record ClassifierSettings(double spamCutoff, double hamCutoff, int minSpamMessages, int minHamMessages,
                                 double strength, double prior, double minDeviation, int maxDiscriminators) {

    /** Chosen on the temporal split of the 2002 corpus, checked by cross-validation (docs/bayes.md). */
    public static final ClassifierSettings DEFAULT = new ClassifierSettings(0.9, 0.2, 20, 20, 0.1, 0.5, 0.1, 50);

    public ClassifierSettings {
        if (!(0 <= hamCutoff && hamCutoff <= spamCutoff && spamCutoff <= 1)) {
            throw new IllegalArgumentException("Need 0 <= hamCutoff <= spamCutoff <= 1, got " + hamCutoff + ", " + spamCutoff);
        }
        if (minSpamMessages < 0 || minHamMessages < 0 || strength <= 0 || !(prior > 0 && prior < 1)
            || minDeviation < 0 || minDeviation >= 0.5 || maxDiscriminators < 1) {
            throw new IllegalArgumentException("Invalid classifier settings: " + this);
        }
    }

    public ClassifierSettings withCutoffs(double newHamCutoff, double newSpamCutoff) {
        return new ClassifierSettings(newSpamCutoff, newHamCutoff, minSpamMessages, minHamMessages, strength, prior,
            minDeviation, maxDiscriminators);
    }
}
