package org.hackablemail.bayes.classify;

/**
 * The outcome of classifying one message.
 *
 * @param verdict yes, no or unknown
 * @param score   spamminess in [0, 1]: 0 is certainly ham, 1 certainly spam, 0.5 no evidence either way
 * @param model   {@link ModelUsed#PERSONAL} when at least one token was weighed with the recipient's own training
 */
public record Classification(Verdict verdict, double score, ModelUsed model) {
    public static final Classification UNDECIDED = new Classification(Verdict.UNKNOWN, 0.5, ModelUsed.SHARED);

    public Classification {
        if (!(score >= 0 && score <= 1) || verdict == null || model == null) {
            throw new IllegalArgumentException("Invalid classification: " + verdict + ", " + score + ", " + model);
        }
    }

    public Classification(Verdict verdict, double score) {
        this(verdict, score, ModelUsed.SHARED);
    }

    /** No evidence either way: an under-trained model, or no token it knows. */
    public boolean isUndecided() {
        return verdict == Verdict.UNKNOWN && score == 0.5;
    }
}
