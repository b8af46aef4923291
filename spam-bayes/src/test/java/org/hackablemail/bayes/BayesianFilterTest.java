package org.hackablemail.bayes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hackablemail.bayes.SyntheticMessages.ham;
import static org.hackablemail.bayes.SyntheticMessages.newsletter;
import static org.hackablemail.bayes.SyntheticMessages.spam;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Optional;

import org.hackablemail.bayes.classify.Classification;
import org.hackablemail.bayes.classify.ModelUsed;
import org.hackablemail.bayes.classify.Verdict;
import org.hackablemail.bayes.model.LayerSettings;
import org.hackablemail.bayes.store.EntryState;
import org.hackablemail.bayes.store.InMemoryBayesStore;
import org.hackablemail.bayes.store.Scope;
import org.hackablemail.bayes.store.Source;
import org.hackablemail.bayes.store.TrainingKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BayesianFilterTest {
    private static final Scope ALICE = Scope.user("alice@example.org");
    private static final Scope BOB = Scope.user("bob@example.org");
    private static final Scope CAROL = Scope.user("carol@example.org");

    @TempDir
    Path directory;

    private static BayesianFilter trained(FilterSettings settings) {
        BayesianFilter filter = new BayesianFilter(new InMemoryBayesStore(), settings);
        filter.train(Label.SPAM, spam(0, 30));
        filter.train(Label.HAM, ham(0, 30));
        return filter;
    }

    private static Classification classify(BayesianFilter filter, byte[] message, Scope recipient) {
        return filter.classify(filter.tokenize(message), Optional.of(recipient));
    }

    @Test
    void shouldBeUnknownWhenNothingWasTrained() {
        try (BayesianFilter filter = BayesianFilter.open(directory, FilterSettings.DEFAULT)) {
            assertThat(filter.classify(spam(1))).isEqualTo(Classification.UNDECIDED);
        }
    }

    @Test
    void shouldTellSpamFromHamWhenTrainedOnSimilarMessages() {
        try (BayesianFilter filter = BayesianFilter.open(directory, FilterSettings.DEFAULT)) {
            filter.train(Label.SPAM, spam(0, 30));
            filter.train(Label.HAM, ham(0, 30));

            assertThat(filter.classify(spam(99)).verdict()).isEqualTo(Verdict.YES);
            assertThat(filter.classify(ham(99)).verdict()).isEqualTo(Verdict.NO);
        }
    }

    @Test
    void shouldCountAMessageOnceWhenItIsTrainedTwice() {
        BayesianFilter filter = trained(FilterSettings.DEFAULT);

        assertThat(filter.train(Label.SPAM, spam(0, 30))).isEmpty();
        assertThat(filter.learn(TrainingKey.mailboxMessage(Scope.SHARED, "7"), Label.SPAM, Source.ADMIN, () -> spam(7)))
            .isPresent();
        assertThat(filter.learn(TrainingKey.mailboxMessage(Scope.SHARED, "7"), Label.SPAM, Source.ADMIN, () -> {
            throw new AssertionError("an already trained message is not read again");
        })).isEmpty();

        assertThat(filter.statistics().spamMessages()).isEqualTo(31);
    }

    @Test
    void shouldTakeBackTheSpamAndLearnTheHamWhenAMessageIsRelabelled() {
        BayesianFilter filter = trained(FilterSettings.DEFAULT);
        TrainingKey key = TrainingKey.content(Scope.SHARED, spam(0));

        assertThat(filter.learn(key, Label.HAM, Source.ADMIN, () -> spam(0)).orElseThrow().state()).isEqualTo(EntryState.HAM);

        assertThat(filter.statistics().spamMessages()).isEqualTo(29);
        assertThat(filter.statistics().hamMessages()).isEqualTo(31);
        assertThat(filter.model().shared().count("cheap").spam()).isEqualTo(29);
    }

    @Test
    void shouldTakeBackEverythingAMessageTaughtWhenItIsForgotten() {
        BayesianFilter filter = trained(FilterSettings.DEFAULT);
        int before = filter.model().shared().count("cheap").spam();
        TrainingKey key = TrainingKey.mailboxMessage(Scope.SHARED, "extra");
        filter.learn(key, Label.SPAM, Source.ADMIN, () -> spam(42));

        assertThat(filter.forget(key, Source.ADMIN)).isPresent();
        assertThat(filter.forget(key, Source.ADMIN)).isEmpty();

        assertThat(filter.model().shared().count("cheap").spam()).isEqualTo(before);
        assertThat(filter.model().shared().count("offer").spam()).isEqualTo(30);
        assertThat(filter.statistics().spamMessages()).isEqualTo(30);
    }

    @Test
    void shouldTagANewsletterForTheUserWhoTrainedItAsSpamAndForNobodyElse() {
        BayesianFilter filter = trained(FilterSettings.DEFAULT);
        for (int issue = 1; issue <= 3; issue++) {
            int number = issue;
            filter.learn(TrainingKey.mailboxMessage(ALICE, "n" + issue), Label.SPAM, Source.MOVE,
                () -> newsletter("Alice", number));
        }

        Classification forAlice = classify(filter, newsletter("Alice", 4), ALICE);
        Classification forBob = classify(filter, newsletter("Bob", 4), BOB);

        assertThat(forAlice.verdict()).isEqualTo(Verdict.YES);
        assertThat(forAlice.model()).isEqualTo(ModelUsed.PERSONAL);
        assertThat(forBob.verdict()).isNotEqualTo(Verdict.YES);
        assertThat(forBob.model()).isEqualTo(ModelUsed.SHARED);
        assertThat(filter.statistics().spamMessages()).isEqualTo(30);
    }

    @Test
    void shouldGiveTheSharedScoreWhenAMessageSharesNothingWithTheUsersTraining() {
        BayesianFilter filter = trained(FilterSettings.DEFAULT);
        filter.learn(TrainingKey.mailboxMessage(ALICE, "n1"), Label.SPAM, Source.MOVE, () -> newsletter("Alice", 1));

        Classification personal = classify(filter, spam(77), ALICE);
        Classification shared = filter.classify(spam(77));

        assertThat(personal.score()).isEqualTo(shared.score());
    }

    @Test
    void shouldLearnAClassInTheSharedModelOnlyOnceEnoughUsersReportIt() {
        BayesianFilter filter = trained(FilterSettings.DEFAULT.withLayers(LayerSettings.DEFAULT.withMinReporters(3)));
        filter.learn(TrainingKey.mailboxMessage(ALICE, "1"), Label.SPAM, Source.MOVE, () -> newsletter("Alice", 1));
        filter.learn(TrainingKey.mailboxMessage(ALICE, "2"), Label.SPAM, Source.MOVE, () -> newsletter("Alice", 2));
        filter.learn(TrainingKey.mailboxMessage(BOB, "1"), Label.SPAM, Source.MOVE, () -> newsletter("Bob", 1));
        assertThat(filter.statistics().spamMessages()).as("two users are not enough").isEqualTo(30);

        filter.learn(TrainingKey.mailboxMessage(CAROL, "1"), Label.SPAM, Source.MOVE, () -> newsletter("Carol", 1));
        assertThat(filter.statistics().spamMessages()).isEqualTo(34);
        assertThat(filter.statistics().promotedMessages()).isEqualTo(4);

        filter.forget(TrainingKey.mailboxMessage(CAROL, "1"), Source.ADMIN);
        assertThat(filter.statistics().spamMessages()).isEqualTo(30);
        assertThat(filter.model().shared().count("tulips")).isEqualTo(TokenCount.NONE);
    }

    @Test
    void shouldForgetTheUsersOldestTrainingWhenTheirLayerIsFull() {
        BayesianFilter filter = trained(FilterSettings.DEFAULT.withLayers(LayerSettings.DEFAULT.withMaxPersonalTokens(45)));
        filter.learn(TrainingKey.mailboxMessage(ALICE, "spam"), Label.SPAM, Source.MOVE, () -> spam(1));
        filter.learn(TrainingKey.mailboxMessage(ALICE, "ham"), Label.HAM, Source.MOVE, () -> ham(1));

        filter.learn(TrainingKey.mailboxMessage(ALICE, "news"), Label.SPAM, Source.MOVE, () -> newsletter("Alice", 1));

        assertThat(filter.entry(TrainingKey.mailboxMessage(ALICE, "spam")).orElseThrow().state()).isEqualTo(EntryState.FORGOTTEN);
        assertThat(filter.entry(TrainingKey.mailboxMessage(ALICE, "news")).orElseThrow().state()).isEqualTo(EntryState.SPAM);
        assertThat(filter.model().layer(ALICE).orElseThrow().distinctTokens()).isLessThanOrEqualTo(45);
    }

    @Test
    void shouldKeepAtMostTheConfiguredLayersInMemoryAndStillClassifyEveryUser() {
        BayesianFilter filter = trained(FilterSettings.DEFAULT.withLayers(LayerSettings.DEFAULT.withMaxLayersInMemory(1)));
        for (Scope user : new Scope[] {ALICE, BOB}) {
            for (int issue = 1; issue <= 3; issue++) {
                int number = issue;
                filter.learn(TrainingKey.mailboxMessage(user, "n" + issue), Label.SPAM, Source.MOVE,
                    () -> newsletter(user.user(), number));
            }
        }

        assertThat(classify(filter, newsletter("Alice", 9), ALICE).verdict()).isEqualTo(Verdict.YES);
        assertThat(classify(filter, newsletter("Bob", 9), BOB).verdict()).isEqualTo(Verdict.YES);
        assertThat(classify(filter, newsletter("Alice", 10), ALICE).verdict()).isEqualTo(Verdict.YES);
        assertThat(filter.statistics().layersInMemory()).isEqualTo(1);
    }

    @Test
    void shouldFoldAnotherNodesTrainingWhenRefreshed() {
        InMemoryBayesStore data = new InMemoryBayesStore();
        BayesianFilter nodeA = new BayesianFilter(data, FilterSettings.DEFAULT);
        BayesianFilter nodeB = new BayesianFilter(data.client(), FilterSettings.DEFAULT);
        nodeA.train(Label.SPAM, spam(0, 30));
        nodeA.train(Label.HAM, ham(0, 30));
        assertThat(nodeB.classify(spam(99))).isEqualTo(Classification.UNDECIDED);

        nodeB.refresh();
        nodeA.learn(TrainingKey.content(Scope.SHARED, spam(0)), Label.HAM, Source.ADMIN, () -> spam(0));
        nodeB.refresh();

        assertThat(nodeB.classify(spam(99)).verdict()).isEqualTo(Verdict.YES);
        assertThat(nodeB.statistics().spamMessages()).isEqualTo(29);
        assertThat(nodeB.model().shared().view()).isEqualTo(nodeA.model().shared().view());
    }

    @Test
    void shouldRestoreTheSharedCountsWhenAnExportIsImportedAfterAReset() throws Exception {
        BayesianFilter filter = trained(FilterSettings.DEFAULT);
        ByteArrayOutputStream export = new ByteArrayOutputStream();
        filter.exportTo(export);
        double score = filter.classify(spam(99)).score();

        filter.reset();
        assertThat(filter.classify(spam(99))).isEqualTo(Classification.UNDECIDED);
        filter.importFrom(new ByteArrayInputStream(export.toByteArray()));

        assertThat(filter.classify(spam(99)).score()).isEqualTo(score);
        assertThat(filter.statistics().spamMessages()).isEqualTo(30);
    }
}
