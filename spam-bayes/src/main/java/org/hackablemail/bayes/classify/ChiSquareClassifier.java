package org.hackablemail.bayes.classify;

import java.util.Arrays;
import java.util.Collection;

import org.hackablemail.bayes.TokenCount;
import org.hackablemail.bayes.TokenStatistics;

/**
 * Gary Robinson's classifier: each token's spamminess is smoothed towards a prior by how often it was seen, and the
 * most telling tokens are combined with Fisher's chi-square method into one score. Stateless and thread-safe.
 */
public final class ChiSquareClassifier {
    private final ClassifierSettings settings;

    public ChiSquareClassifier(ClassifierSettings settings) {
        this.settings = settings;
    }

    public ClassifierSettings settings() {
        return settings;
    }

    public Classification classify(Collection<String> tokens, TokenStatistics statistics) {
        long spamMessages = statistics.spamMessages();
        long hamMessages = statistics.hamMessages();
        if (spamMessages < Math.max(1, settings.minSpamMessages()) || hamMessages < Math.max(1, settings.minHamMessages())) {
            return Classification.UNDECIDED;
        }
        double[] spamminess = new double[tokens.size()];
        int telling = 0;
        for (String token : tokens) {
            TokenCount count = statistics.count(token);
            if (count.spam() + count.ham() > 0) {
                double probability = spamminess(count, spamMessages, hamMessages);
                if (Math.abs(probability - 0.5) >= settings.minDeviation()) {
                    spamminess[telling++] = probability;
                }
            }
        }
        if (telling == 0) {
            return Classification.UNDECIDED;
        }
        double score = combine(mostExtreme(spamminess, telling));
        return new Classification(verdictOf(score), score);
    }

    private double spamminess(TokenCount count, long spamMessages, long hamMessages) {
        double spamRatio = (double) count.spam() / spamMessages;
        double hamRatio = (double) count.ham() / hamMessages;
        double raw = spamRatio / (spamRatio + hamRatio);
        int seen = count.spam() + count.ham();
        return (settings.strength() * settings.prior() + seen * raw) / (settings.strength() + seen);
    }

    /** The {@code maxDiscriminators} values farthest from 0.5, taken from both ends of the sorted array. */
    private double[] mostExtreme(double[] values, int length) {
        Arrays.sort(values, 0, length);
        if (length <= settings.maxDiscriminators()) {
            return Arrays.copyOf(values, length);
        }
        double[] chosen = new double[settings.maxDiscriminators()];
        int low = 0;
        int high = length - 1;
        for (int i = 0; i < chosen.length; i++) {
            chosen[i] = 0.5 - values[low] >= values[high] - 0.5 ? values[low++] : values[high--];
        }
        return chosen;
    }

    /** Fisher's method applied both ways, as in SpamBayes: each tail tests the hypothesis that the tokens are random. */
    private static double combine(double[] spamminess) {
        double logSpam = 0;
        double logHam = 0;
        for (double probability : spamminess) {
            logSpam += Math.log(probability);
            logHam += Math.log(1 - probability);
        }
        int degrees = 2 * spamminess.length;
        double spamEvidence = ChiSquare.upperTail(-2 * logSpam, degrees);
        double hamEvidence = ChiSquare.upperTail(-2 * logHam, degrees);
        return (1 + spamEvidence - hamEvidence) / 2;
    }

    private Verdict verdictOf(double score) {
        if (score >= settings.spamCutoff()) {
            return Verdict.YES;
        }
        return score <= settings.hamCutoff() ? Verdict.NO : Verdict.UNKNOWN;
    }
}
