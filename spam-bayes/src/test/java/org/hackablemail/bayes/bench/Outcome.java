package org.hackablemail.bayes.bench;

import org.hackablemail.bayes.classify.Verdict;

/** What a filter said about one message whose class is known. */
record Outcome(boolean spam, double score, Verdict verdict) {
}
