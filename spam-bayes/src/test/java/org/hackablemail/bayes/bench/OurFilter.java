package org.hackablemail.bayes.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.hackablemail.bayes.Label;
import org.hackablemail.bayes.classify.ChiSquareClassifier;
import org.hackablemail.bayes.classify.Classification;
import org.hackablemail.bayes.store.LuceneTokenStore;
import org.hackablemail.bayes.tokenize.MessageTokenizer;

/** Our filter with a real Lucene store in a scratch directory; times include tokenizing and committing. */
final class OurFilter implements FilterUnderTest {
    private final MessageTokenizer tokenizer;
    private final ChiSquareClassifier classifier;

    OurFilter(MessageTokenizer tokenizer, ChiSquareClassifier classifier) {
        this.tokenizer = tokenizer;
        this.classifier = classifier;
    }

    @Override
    public String name() {
        return "hackable-mail";
    }

    @Override
    public FoldResult run(List<LabelledMessage> training, List<LabelledMessage> testing) throws IOException {
        Path directory = Files.createTempDirectory("bayes-bench");
        try (LuceneTokenStore store = LuceneTokenStore.open(directory)) {
            long start = System.nanoTime();
            store.train(Label.SPAM, tokenize(training, true));
            store.train(Label.HAM, tokenize(training, false));
            long trained = System.nanoTime();
            List<Outcome> outcomes = new ArrayList<>(testing.size());
            for (LabelledMessage message : testing) {
                Classification result = classifier.classify(tokenizer.tokenize(message.content()), store);
                outcomes.add(new Outcome(message.spam(), result.score(), result.verdict()));
            }
            return new FoldResult(outcomes, trained - start, System.nanoTime() - trained);
        } finally {
            delete(directory);
        }
    }

    private List<Set<String>> tokenize(List<LabelledMessage> messages, boolean spam) {
        return messages.stream().filter(message -> message.spam() == spam)
            .map(message -> tokenizer.tokenize(message.content())).toList();
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
