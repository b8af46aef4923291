package org.hackablemail.bayes.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.hackablemail.bayes.BayesianFilter;
import org.hackablemail.bayes.FilterSettings;
import org.hackablemail.bayes.Label;
import org.hackablemail.bayes.classify.Classification;

/** Our filter with a real Lucene store in a scratch directory; times include tokenizing and committing. */
final class OurFilter implements FilterUnderTest {
    private final FilterSettings settings;

    OurFilter(FilterSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "hackable-mail";
    }

    @Override
    public FoldResult run(List<LabelledMessage> training, List<LabelledMessage> testing) throws IOException {
        Path directory = Files.createTempDirectory("bayes-bench");
        try (BayesianFilter filter = BayesianFilter.open(directory, settings)) {
            long start = System.nanoTime();
            filter.train(Label.SPAM, contents(training, true));
            filter.train(Label.HAM, contents(training, false));
            long trained = System.nanoTime();
            List<Outcome> outcomes = new ArrayList<>(testing.size());
            for (LabelledMessage message : testing) {
                Classification result = filter.classify(message.content());
                outcomes.add(new Outcome(message.spam(), result.score(), result.verdict()));
            }
            return new FoldResult(outcomes, trained - start, System.nanoTime() - trained);
        } finally {
            delete(directory);
        }
    }

    private static List<byte[]> contents(List<LabelledMessage> messages, boolean spam) {
        return messages.stream().filter(message -> message.spam() == spam).map(LabelledMessage::content).toList();
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
