package org.hackablemail.bayes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hackablemail.bayes.SyntheticMessages.ham;
import static org.hackablemail.bayes.SyntheticMessages.newsletter;
import static org.hackablemail.bayes.SyntheticMessages.spam;

import java.util.Optional;
import java.util.stream.IntStream;

import org.hackablemail.bayes.classify.Classification;
import org.hackablemail.bayes.classify.ModelUsed;
import org.hackablemail.bayes.classify.Verdict;
import org.hackablemail.bayes.store.InMemoryBayesStore;
import org.hackablemail.bayes.store.Scope;
import org.hackablemail.bayes.store.Source;
import org.hackablemail.bayes.store.TrainingKey;
import org.junit.jupiter.api.Test;

/**
 * A recipient's corrections against a shared model that holds what they corrected as strong ham, through the real
 * tokenizer and store: the shared model learnt 600 spam, 600 colleagues' messages and 60 issues of a newsletter as ham
 * (the newsletter is a tenth of its ham, as a busy mailing list is of a real server's). Weighing a correction against
 * the shared totals, as this module once did, drowns three corrections in a model of this size.
 */
class PersonalLayerVerdictTest {
    private static final Scope ALICE = Scope.user("alice@example.org");
    private static final Scope BOB = Scope.user("bob@example.org");
    private static final Scope CAROL = Scope.user("carol@example.org");

    private final BayesianFilter filter = sharedModelThatLikesTheNewsletter();

    private static BayesianFilter sharedModelThatLikesTheNewsletter() {
        BayesianFilter filter = new BayesianFilter(new InMemoryBayesStore(), FilterSettings.DEFAULT);
        filter.train(Label.SPAM, spam(0, 600));
        filter.train(Label.HAM, ham(0, 600));
        filter.train(Label.HAM, IntStream.range(100, 160).mapToObj(issue -> newsletter("Reader" + issue, issue)).toList());
        return filter;
    }

    private void aliceMovesIssuesToSpam(int count) {
        for (int issue = 1; issue <= count; issue++) {
            int number = issue;
            filter.learn(TrainingKey.mailboxMessage(ALICE, "issue" + issue), Label.SPAM, Source.MOVE,
                () -> newsletter("Alice", number));
        }
    }

    private Classification classify(byte[] message, Scope recipient) {
        return filter.classify(filter.tokenize(message), Optional.of(recipient));
    }

    @Test
    void shouldTagANewsletterTheSharedModelHoldsAsHamWhenTheRecipientMovedThreeIssuesToSpam() {
        assertThat(filter.classify(newsletter("Alice", 200)).verdict()).isEqualTo(Verdict.NO);

        aliceMovesIssuesToSpam(3);
        Classification forAlice = classify(newsletter("Alice", 200), ALICE);

        assertThat(forAlice.verdict()).isEqualTo(Verdict.YES);
        assertThat(forAlice.model()).isEqualTo(ModelUsed.PERSONAL);
    }

    @Test
    void shouldGiveOtherRecipientsExactlyTheSharedVerdictWhenOneRecipientCorrectedTheNewsletter() {
        Classification before = classify(newsletter("Bob", 200), BOB);

        aliceMovesIssuesToSpam(3);

        assertThat(classify(newsletter("Bob", 200), BOB)).isEqualTo(before).isEqualTo(filter.classify(newsletter("Bob", 200)));
        assertThat(filter.statistics().spamMessages()).isEqualTo(600);
    }

    @Test
    void shouldKeepTheRecipientsOtherHamUntaggedWhenTheyMovedTheNewsletterToSpam() {
        aliceMovesIssuesToSpam(3);

        IntStream.range(1000, 1020).forEach(number ->
            assertThat(classify(ham(number), ALICE).verdict()).as("ham %d", number).isEqualTo(Verdict.NO));
    }

    @Test
    void shouldKeepSpamTheSharedModelKnowsAsSpamWhenTheRecipientTrainedOnlyHam() {
        for (int number = 2000; number < 2003; number++) {
            int message = number;
            filter.learn(TrainingKey.mailboxMessage(ALICE, "ham" + number), Label.HAM, Source.MOVE, () -> ham(message));
        }

        IntStream.range(1000, 1020).forEach(number ->
            assertThat(classify(spam(number), ALICE).verdict()).as("spam %d", number).isEqualTo(Verdict.YES));
    }

    @Test
    void shouldGiveExactlyTheSharedVerdictWhenTheRecipientTrainedNothing() {
        aliceMovesIssuesToSpam(3);

        for (byte[] message : new byte[][] {newsletter("Carol", 200), ham(1000), spam(1000)}) {
            Classification forCarol = classify(message, CAROL);
            assertThat(forCarol).isEqualTo(filter.classify(message));
            assertThat(forCarol.model()).isEqualTo(ModelUsed.SHARED);
        }
    }
}
