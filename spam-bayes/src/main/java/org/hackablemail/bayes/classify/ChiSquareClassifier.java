package org.hackablemail.bayes.classify;

import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;

import org.hackablemail.bayes.TokenCount;
import org.hackablemail.bayes.TokenStatistics;

/**
 * Gary Robinson's classifier: each token's spamminess is smoothed towards a prior by how often it was seen, and the
 * most telling tokens are combined with Fisher's chi-square method into one score. Stateless and thread-safe.
 *
 * <p>How often a token was seen is counted in messages of the smaller class: {@code (spam rate + ham rate) × the
 * smaller class's message count}, not the raw {@code spam count + ham count}. Sites train far more ham than spam (four
 * times more in the 2002 corpus), and raw counts made a word seen in 50 of 1,300 ham and no spam look fifteen times
 * surer than a word seen in 3 of 300 spam and no ham, though both rates say the same; long spam full of everyday words
 * then scored as certain ham. Counted this way both classes' evidence weighs alike.</p>
 *
 * <p>With a personal layer, a token the recipient trained is weighed on per-class rates that mix the recipient's own
 * rate with the shared one: for each class, {@code (own count + k · shared rate) / (own messages of the class + k)},
 * where {@code k} is {@code sharedStrength}. So the recipient's rate takes over as they train more of a class
 * ({@code n / (n + k)}), however large the shared model is, and for a class they did not train the shared rate stands.
 * Every other token is weighed on the shared counts alone, so a message that shares no telling token with the
 * recipient's training gets exactly the shared score, and the recipient's corrections move only what they corrected.</p>
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
        return classify(tokens, statistics, Optional.empty(), 1);
    }

    /**
     * @param personal       the recipient's own counts, when the recipient trained enough
     * @param sharedStrength how many of the recipient's messages of a class the shared rate of that class is worth
     */
    public Classification classify(Collection<String> tokens, TokenStatistics shared, Optional<TokenStatistics> personal,
                                   double sharedStrength) {
        long spamMessages = shared.spamMessages();
        long hamMessages = shared.hamMessages();
        long ownSpam = personal.map(TokenStatistics::spamMessages).orElse(0L);
        long ownHam = personal.map(TokenStatistics::hamMessages).orElse(0L);
        if (spamMessages + ownSpam < minimum(settings.minSpamMessages())
            || hamMessages + ownHam < minimum(settings.minHamMessages())) {
            return Classification.UNDECIDED;
        }
        boolean sharedAloneTooSmall = spamMessages < minimum(settings.minSpamMessages())
            || hamMessages < minimum(settings.minHamMessages());
        // The evidence unit of each token (class docs): the smaller class, with the recipient's messages when mixed.
        long sharedSmallerClass = Math.min(spamMessages, hamMessages);
        long mixedSmallerClass = Math.min(spamMessages + ownSpam, hamMessages + ownHam);
        double[] spamminess = new double[tokens.size()];
        int telling = 0;
        double personalDeviation = -1;
        for (String token : tokens) {
            TokenCount count = shared.count(token);
            TokenCount own = personal.isPresent() ? personal.get().count(token) : TokenCount.NONE;
            boolean isOwn = own.spam() + own.ham() > 0;
            double sharedSpamRate = rate(count.spam(), spamMessages);
            double sharedHamRate = rate(count.ham(), hamMessages);
            double probability = isOwn
                ? spamminess(mixed(own.spam(), ownSpam, sharedSpamRate, sharedStrength),
                    mixed(own.ham(), ownHam, sharedHamRate, sharedStrength),
                    mixedSmallerClass)
                : spamminess(sharedSpamRate, sharedHamRate, sharedSmallerClass);
            double deviation = Math.abs(probability - 0.5);
            if (!Double.isNaN(probability) && deviation >= settings.minDeviation()) {
                spamminess[telling++] = probability;
                if (isOwn) {
                    personalDeviation = Math.max(personalDeviation, deviation);
                }
            }
        }
        if (telling == 0) {
            return Classification.UNDECIDED;
        }
        double[] chosen = mostExtreme(spamminess, telling);
        double score = combine(chosen);
        boolean personalDecided = personal.isPresent()
            && (sharedAloneTooSmall || personalDeviation >= leastDeviation(chosen));
        return new Classification(verdictOf(score), score, personalDecided ? ModelUsed.PERSONAL : ModelUsed.SHARED);
    }

    private static double rate(long count, long messages) {
        return messages > 0 ? (double) count / messages : 0;
    }

    /**
     * A class's rate of a token for the recipient: their own rate weighted {@code n / (n + k)} and the shared rate
     * {@code k / (n + k)}, n being the recipient's messages of the class; the shared rate alone when n is 0.
     */
    private static double mixed(long ownCount, long ownMessages, double sharedRate, double sharedStrength) {
        return (ownCount + sharedStrength * sharedRate) / (ownMessages + sharedStrength);
    }

    private static long minimum(int configured) {
        return Math.max(1, configured);
    }

    /**
     * Robinson's f(w) from the per-class rates of a token, its evidence being the messages it was seen in counted in
     * units of the smaller class ({@code smallerClass} messages); NaN when both rates are 0.
     */
    private double spamminess(double spamRate, double hamRate, long smallerClass) {
        if (spamRate + hamRate == 0) {
            return Double.NaN;
        }
        double seen = (spamRate + hamRate) * smallerClass;
        double raw = spamRate / (spamRate + hamRate);
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

    private static double leastDeviation(double[] chosen) {
        double least = Double.MAX_VALUE;
        for (double value : chosen) {
            least = Math.min(least, Math.abs(value - 0.5));
        }
        return least;
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
