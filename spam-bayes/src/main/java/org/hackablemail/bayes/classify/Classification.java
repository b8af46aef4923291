package org.hackablemail.bayes.classify;

/**
 * The outcome of classifying one message.
 *
 * @param verdict yes, no or unknown
 * @param score   spamminess in [0, 1]: 0 is certainly ham, 1 certainly spam, 0.5 no evidence either way
 */
public record Classification(Verdict verdict, double score) {
    public static final Classification UNDECIDED = new Classification(Verdict.UNKNOWN, 0.5);

    public Classification {
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("Score out of [0, 1]: " + score);
        }
    }
}
