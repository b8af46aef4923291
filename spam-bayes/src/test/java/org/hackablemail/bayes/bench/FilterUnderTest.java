package org.hackablemail.bayes.bench;

import java.io.IOException;
import java.util.List;

/** A spam filter the benchmark can train from scratch and test, timing only the filter's own work. */
interface FilterUnderTest {
    String name();

    /** Trains a fresh database on {@code training}, then classifies {@code testing} one message at a time. */
    FoldResult run(List<LabelledMessage> training, List<LabelledMessage> testing) throws IOException, InterruptedException;

    record FoldResult(List<Outcome> outcomes, long trainNanos, long classifyNanos) {
    }
}
