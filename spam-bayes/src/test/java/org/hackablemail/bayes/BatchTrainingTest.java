package org.hackablemail.bayes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.hackablemail.bayes.corpus.RawMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchTrainingTest {
    @TempDir
    Path store;

    private static Stream<RawMessage> messages(int count) {
        return IntStream.range(0, count).mapToObj(i -> new RawMessage("m" + i,
            ("Subject: message " + i + "\r\n\r\nbody words here\r\n").getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void shouldLearnEveryMessageAndReportProgressAfterEachBatch() throws Exception {
        List<Long> progress = new ArrayList<>();
        try (BayesianFilter filter = BayesianFilter.open(store, FilterSettings.DEFAULT)) {
            long learnt = new BatchTraining(filter, 4).train(Label.SPAM, messages(10), progress::add);

            assertThat(learnt).isEqualTo(10);
            assertThat(progress).containsExactly(4L, 8L, 10L);
            assertThat(filter.statistics().spamMessages()).isEqualTo(10);
        }
    }

    @Test
    void shouldLearnNothingFromAnEmptyCorpus() throws Exception {
        try (BayesianFilter filter = BayesianFilter.open(store, FilterSettings.DEFAULT)) {
            assertThat(new BatchTraining(filter, 4).train(Label.HAM, Stream.empty(), count -> { })).isZero();
        }
    }

    @Test
    void constructorShouldThrowWhenTheBatchIsEmpty() throws Exception {
        try (BayesianFilter filter = BayesianFilter.open(store, FilterSettings.DEFAULT)) {
            assertThatThrownBy(() -> new BatchTraining(filter, 0)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
