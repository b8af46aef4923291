package org.hackablemail.bayes.autolearn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hackablemail.bayes.SyntheticMessages.ham;
import static org.hackablemail.bayes.SyntheticMessages.spam;

import java.util.Set;
import java.util.function.BooleanSupplier;

import org.hackablemail.bayes.BayesianFilter;
import org.hackablemail.bayes.FilterSettings;
import org.hackablemail.bayes.Label;
import org.hackablemail.bayes.classify.Classification;
import org.hackablemail.bayes.classify.Verdict;
import org.hackablemail.bayes.store.InMemoryBayesStore;
import org.hackablemail.bayes.store.Scope;
import org.hackablemail.bayes.store.TrainingKey;
import org.junit.jupiter.api.Test;

class AutolearnerTest {
    private static final AutolearnSettings ON = new AutolearnSettings(true, 0.99, 0.01, 20, 0.11);
    private static final Classification SURE_SPAM = new Classification(Verdict.YES, 0.999);
    private static final Classification SURE_HAM = new Classification(Verdict.NO, 0.001);
    private static final Classification FAIRLY_SPAM = new Classification(Verdict.YES, 0.95);

    @Test
    void shouldLearnNothingWhenOff() {
        assertThat(Autolearner.decide(AutolearnSettings.OFF, SURE_SPAM, 1_000, 1_000)).isEmpty();
    }

    @Test
    void shouldLearnOnlyVeryConfidentVerdicts() {
        assertThat(Autolearner.decide(ON, SURE_SPAM, 100, 100)).contains(Label.SPAM);
        assertThat(Autolearner.decide(ON, SURE_HAM, 100, 100)).contains(Label.HAM);
        assertThat(Autolearner.decide(ON, FAIRLY_SPAM, 100, 100)).isEmpty();
        assertThat(Autolearner.decide(ON, Classification.UNDECIDED, 100, 100)).isEmpty();
    }

    @Test
    void shouldLearnNothingUntilTheSharedModelHoldsTheMinimumOfEachClass() {
        assertThat(Autolearner.decide(ON, SURE_SPAM, 19, 500)).isEmpty();
        assertThat(Autolearner.decide(ON, SURE_HAM, 500, 19)).isEmpty();
        assertThat(Autolearner.decide(ON, SURE_SPAM, 20, 20)).contains(Label.SPAM);
    }

    @Test
    void shouldStopLearningAClassWhileItIsMoreThanTheBalanceAheadOfTheOther() {
        assertThat(Autolearner.decide(ON, SURE_SPAM, 112, 100)).as("12 % ahead").isEmpty();
        assertThat(Autolearner.decide(ON, SURE_SPAM, 111, 100)).as("11 % ahead").contains(Label.SPAM);
        assertThat(Autolearner.decide(ON, SURE_HAM, 112, 100)).as("the class behind is still learnt").contains(Label.HAM);
        assertThat(Autolearner.decide(ON, SURE_HAM, 100, 112)).isEmpty();
    }

    @Test
    void shouldLearnAConfidentMessageIntoTheSharedModelOnceWhenOfferedTwice() throws InterruptedException {
        BayesianFilter filter = trainedOn30OfEach();
        byte[] message = spam(99);
        try (Autolearner autolearner = new Autolearner(filter, ON)) {
            assertThat(autolearner.offer(message, SURE_SPAM)).contains(Label.SPAM);
            assertThat(autolearner.offer(message, SURE_SPAM)).contains(Label.SPAM);
            assertThat(autolearner.offer(ham(99), FAIRLY_SPAM)).isEmpty();
            byte[] last = spam(98);
            assertThat(autolearner.offer(last, SURE_SPAM)).contains(Label.SPAM);

            // one background thread learns in order: once the last offer is learnt, the others were handled
            awaitUpTo60s(() -> autolearner.learnt() >= 2 && filter.entry(TrainingKey.content(Scope.SHARED, last)).isPresent());
        }
        assertThat(filter.model().shared().spamMessages()).isEqualTo(32);
        assertThat(filter.entry(TrainingKey.content(Scope.SHARED, message)).orElseThrow().revision()).isEqualTo(1);
        assertThat(filter.entry(TrainingKey.content(Scope.SHARED, ham(99)))).isEmpty();
    }

    @Test
    void shouldLearnTheTokensOfTheVerdictWithoutReadingTheMessageAgainWhenOfferedThem() throws InterruptedException {
        BayesianFilter filter = trainedOn30OfEach();
        byte[] message = spam(99);
        TrainingKey key = TrainingKey.content(Scope.SHARED, message);
        Set<String> classified = Set.of("subject:classified", "classified~tokens");
        try (Autolearner autolearner = new Autolearner(filter, ON)) {
            assertThat(autolearner.offer(() -> message, classified, SURE_SPAM)).contains(Label.SPAM);

            awaitUpTo60s(() -> filter.entry(key).isPresent());
        }
        assertThat(filter.entry(key).orElseThrow().teaching().tokens()).isEqualTo(classified);
        assertThat(filter.model().shared().spamMessages()).isEqualTo(31);
    }

    @Test
    void shouldLearnNothingWhenTheSharedModelIsTooSmall() {
        BayesianFilter filter = new BayesianFilter(new InMemoryBayesStore(), FilterSettings.DEFAULT);
        filter.train(Label.SPAM, spam(0, 5));
        filter.train(Label.HAM, ham(0, 5));
        try (Autolearner autolearner = new Autolearner(filter, ON)) {
            assertThat(autolearner.offer(spam(99), SURE_SPAM)).isEmpty();
        }
        assertThat(filter.entry(TrainingKey.content(Scope.SHARED, spam(99)))).isEmpty();
    }

    private static void awaitUpTo60s(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 60 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static BayesianFilter trainedOn30OfEach() {
        BayesianFilter filter = new BayesianFilter(new InMemoryBayesStore(), FilterSettings.DEFAULT);
        filter.train(Label.SPAM, spam(0, 30));
        filter.train(Label.HAM, ham(0, 30));
        return filter;
    }
}
