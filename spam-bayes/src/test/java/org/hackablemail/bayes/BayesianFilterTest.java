package org.hackablemail.bayes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import org.hackablemail.bayes.classify.Classification;
import org.hackablemail.bayes.classify.ClassifierSettings;
import org.hackablemail.bayes.classify.Verdict;
import org.hackablemail.bayes.tokenize.TokenizerSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BayesianFilterTest {
    @TempDir
    Path directory;

    @Test
    void shouldBeUnknownWhenNothingWasTrained() throws Exception {
        try (BayesianFilter filter = BayesianFilter.open(directory, TokenizerSettings.DEFAULT, ClassifierSettings.DEFAULT)) {
            assertThat(filter.classify(spam(1))).isEqualTo(Classification.UNDECIDED);
        }
    }

    @Test
    void shouldTellSpamFromHamWhenTrainedOnSimilarMessages() throws Exception {
        try (BayesianFilter filter = BayesianFilter.open(directory, TokenizerSettings.DEFAULT, ClassifierSettings.DEFAULT)) {
            filter.train(Label.SPAM, IntStream.range(0, 30).mapToObj(BayesianFilterTest::spam).toList());
            filter.train(Label.HAM, IntStream.range(0, 30).mapToObj(BayesianFilterTest::ham).toList());

            assertThat(filter.classify(spam(99)).verdict()).isEqualTo(Verdict.YES);
            assertThat(filter.classify(ham(99)).verdict()).isEqualTo(Verdict.NO);
        }
    }

    private static byte[] spam(int number) {
        return message("deals" + number + "@cheap-pills.biz", "Cheap pills offer " + number,
            "Buy cheap pills now, limited offer, click http://cheap-pills.biz/" + number);
    }

    private static byte[] ham(int number) {
        return message("colleague" + number + "@example.org", "Meeting notes " + number,
            "Here are the notes of the project meeting, see the agenda for item " + number);
    }

    private static byte[] message(String from, String subject, String body) {
        return String.join("\n", List.of("From: " + from, "To: me@example.org", "Subject: " + subject, "", body, ""))
            .getBytes(StandardCharsets.UTF_8);
    }
}
