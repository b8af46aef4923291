package org.hackablemail.bayes.bench;

import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Accuracy and speed of one filter over all folds, and the side-by-side table of several filters; the ratio is the
 * first filter's figure over the second's.
 */
record Report(Metrics metrics, double classifyPerSecond, double trainAllSeconds) {

    static Report of(List<FilterUnderTest.FoldResult> folds, long trainAllNanos) {
        List<Outcome> outcomes = folds.stream().flatMap(fold -> fold.outcomes().stream()).toList();
        long classifyNanos = folds.stream().mapToLong(FilterUnderTest.FoldResult::classifyNanos).sum();
        return new Report(Metrics.of(outcomes), outcomes.size() / (classifyNanos / 1e9), trainAllNanos / 1e9);
    }

    static void print(Map<String, Report> reports) {
        StringBuilder header = new StringBuilder(String.format("%-32s", ""));
        reports.keySet().forEach(name -> header.append(String.format("%14s", name)));
        if (reports.size() >= 2) {
            header.append(String.format("%10s", "ratio"));
        }
        System.out.println(header);
        row(reports, "false positives (ham → yes)", r -> r.metrics().falsePositiveRate(), true);
        row(reports, "false negatives (spam → no)", r -> r.metrics().falseNegativeRate(), true);
        row(reports, "unsure (all → unknown)", r -> r.metrics().unsureRate(), true);
        row(reports, "spam flagged yes", r -> r.metrics().spamFlaggedRate(), true);
        row(reports, "FN at FP <= 0.1%", r -> r.metrics().fnAtFp01(), true);
        row(reports, "FN at FP <= 0.5%", r -> r.metrics().fnAtFp05(), true);
        row(reports, "AUC", r -> r.metrics().auc(), false);
        row(reports, "1 - AUC", r -> 1 - r.metrics().auc(), false);
        row(reports, "classify msgs/s (1 thread)", Report::classifyPerSecond, false);
        row(reports, "train whole set (s)", Report::trainAllSeconds, false);
    }

    private static void row(Map<String, Report> reports, String label, ToDoubleFunction<Report> figure, boolean percent) {
        StringBuilder line = new StringBuilder(String.format("%-32s", label));
        double[] values = reports.values().stream().mapToDouble(figure).toArray();
        for (double value : values) {
            line.append(percent ? String.format("%13.2f%%", 100 * value) : String.format("%14.4f", value));
        }
        if (values.length >= 2) {
            line.append(values[1] == 0 ? String.format("%10s", "-") : String.format("%10.2f", values[0] / values[1]));
        }
        System.out.println(line);
    }
}
