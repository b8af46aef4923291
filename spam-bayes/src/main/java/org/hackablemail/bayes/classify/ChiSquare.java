package org.hackablemail.bayes.classify;

/** The chi-square distribution's upper tail, as Fisher's method needs it. */
final class ChiSquare {
    private ChiSquare() {
    }

    /**
     * Probability that a chi-square variable with {@code degrees} (even) degrees of freedom exceeds {@code value}.
     * Summed in log space: with hundreds of tokens the terms underflow a double long before the sum does.
     */
    static double upperTail(double value, int degrees) {
        double half = value / 2;
        double logTerm = -half;
        double logSum = logTerm;
        double logHalf = Math.log(half);
        for (int i = 1; i < degrees / 2; i++) {
            logTerm += logHalf - Math.log(i);
            logSum = logSum >= logTerm
                ? logSum + Math.log1p(Math.exp(logTerm - logSum))
                : logTerm + Math.log1p(Math.exp(logSum - logTerm));
        }
        return Math.min(1, Math.exp(logSum));
    }
}
