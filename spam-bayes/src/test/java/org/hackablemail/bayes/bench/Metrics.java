package org.hackablemail.bayes.bench;

import java.util.Arrays;
import java.util.List;

import org.hackablemail.bayes.classify.Verdict;

/** Accuracy figures of a list of outcomes, at the filter's own cutoffs and at chosen false-positive rates. */
record Metrics(double falsePositiveRate, double falseNegativeRate, double unsureRate, double spamFlaggedRate,
               double fnAtFp01, double fnAtFp05, double auc) {

    static Metrics of(List<Outcome> outcomes) {
        double[] ham = outcomes.stream().filter(o -> !o.spam()).mapToDouble(Outcome::score).sorted().toArray();
        double[] spam = outcomes.stream().filter(Outcome::spam).mapToDouble(Outcome::score).sorted().toArray();
        long falsePositives = outcomes.stream().filter(o -> !o.spam() && o.verdict() == Verdict.YES).count();
        long falseNegatives = outcomes.stream().filter(o -> o.spam() && o.verdict() == Verdict.NO).count();
        long unsure = outcomes.stream().filter(o -> o.verdict() == Verdict.UNKNOWN).count();
        long flagged = outcomes.stream().filter(o -> o.spam() && o.verdict() == Verdict.YES).count();
        return new Metrics((double) falsePositives / ham.length, (double) falseNegatives / spam.length,
            (double) unsure / outcomes.size(), (double) flagged / spam.length,
            missedAtFalsePositiveRate(ham, spam, 0.001), missedAtFalsePositiveRate(ham, spam, 0.005), auc(ham, spam));
    }

    /**
     * The share of spam scoring at or below the threshold that lets through at most {@code rate} of ham, i.e. the
     * threshold is just above the score of the ham ranked {@code floor(rate * hams)}-th from the top.
     */
    private static double missedAtFalsePositiveRate(double[] ham, double[] spam, double rate) {
        int allowed = (int) Math.floor(rate * ham.length);
        double threshold = ham[ham.length - 1 - allowed];
        long missed = Arrays.stream(spam).filter(score -> score <= threshold).count();
        return (double) missed / spam.length;
    }

    /** Probability that a random spam scores above a random ham, ties counting half (Mann-Whitney). */
    private static double auc(double[] ham, double[] spam) {
        double wins = 0;
        int low = 0;
        int high = 0;
        for (double score : spam) {
            while (low < ham.length && ham[low] < score) {
                low++;
            }
            high = Math.max(high, low);
            while (high < ham.length && ham[high] <= score) {
                high++;
            }
            wins += low + (high - low) / 2.0;
        }
        return wins / ((double) ham.length * spam.length);
    }
}
