package org.hackablemail.bayes.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import org.hackablemail.bayes.TokenCount;
import org.hackablemail.bayes.TokenStatistics;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class ChiSquareClassifierTest {
    private final ChiSquareClassifier classifier = new ChiSquareClassifier(ClassifierSettings.DEFAULT);
    private final FixedStatistics trained = new FixedStatistics(100, 100)
        .with("viagra", 60, 0).with("lottery", 40, 1).with("winner", 30, 2)
        .with("meeting", 0, 50).with("agenda", 1, 40).with("minutes", 2, 30)
        .with("the", 90, 90);

    @Test
    void shouldSayYesWhenTokensAreSpammy() {
        Classification result = classifier.classify(List.of("viagra", "lottery", "winner", "the"), trained);

        assertThat(result.verdict()).isEqualTo(Verdict.YES);
        assertThat(result.score()).isGreaterThan(0.9);
    }

    @Test
    void shouldSayNoWhenTokensAreHammy() {
        Classification result = classifier.classify(List.of("meeting", "agenda", "minutes", "the"), trained);

        assertThat(result.verdict()).isEqualTo(Verdict.NO);
        assertThat(result.score()).isLessThan(0.2);
    }

    @Test
    void shouldBeUnknownWhenEvidenceIsMixed() {
        Classification result = classifier.classify(List.of("viagra", "lottery", "meeting", "agenda"), trained);

        assertThat(result.verdict()).isEqualTo(Verdict.UNKNOWN);
    }

    /**
     * Ten times more ham than spam trained: a word in 10 % of the ham and no spam is as telling as one in 10 % of the spam
     * and no ham, however many more ham messages that 10 % is.
     */
    @Test
    void shouldWeighBothClassesAlikeWhenOneClassWasTrainedTenTimesMore() {
        FixedStatistics unbalanced = new FixedStatistics(30, 300).with("unsubscribe", 3, 0).with("folks", 0, 30);

        Classification result = classifier.classify(List.of("unsubscribe", "folks"), unbalanced);

        assertThat(result.score()).isCloseTo(0.5, Offset.offset(1e-9));
    }

    @Test
    void shouldBeUndecidedWhenNoTokenWasEverSeen() {
        assertThat(classifier.classify(List.of("unseen", "tokens"), trained)).isEqualTo(Classification.UNDECIDED);
    }

    @Test
    void shouldBeUndecidedWhenStoreHasTooFewHamMessages() {
        FixedStatistics underTrained = new FixedStatistics(100, 19).with("viagra", 60, 0);

        assertThat(classifier.classify(List.of("viagra"), underTrained)).isEqualTo(Classification.UNDECIDED);
    }

    @Test
    void shouldBeUndecidedWhenStoreIsEmpty() {
        ChiSquareClassifier eager = new ChiSquareClassifier(new ClassifierSettings(0.9, 0.2, 0, 0, 0.45, 0.5, 0.1, 150));

        assertThat(eager.classify(List.of("viagra"), new FixedStatistics(0, 0))).isEqualTo(Classification.UNDECIDED);
    }

    @Test
    void shouldStayWithinBoundsWhenThousandsOfTokensAgree() {
        FixedStatistics statistics = new FixedStatistics(1000, 1000);
        List<String> tokens = IntStream.range(0, 3000).mapToObj(i -> "spammy" + i).toList();
        tokens.forEach(token -> statistics.with(token, 900, 1));

        Classification result = classifier.classify(tokens, statistics);

        assertThat(result.score()).isBetween(0.99, 1.0);
    }

    @Test
    void shouldUseOnlyMostExtremeTokensWhenMoreThanMaximum() {
        ChiSquareClassifier fewest = new ChiSquareClassifier(new ClassifierSettings(0.9, 0.2, 20, 20, 0.45, 0.5, 0.1, 1));

        Classification result = fewest.classify(List.of("viagra", "agenda", "minutes"), trained);

        assertThat(result.verdict()).isEqualTo(Verdict.YES);
    }

    @Test
    void shouldWeighTheRecipientsOwnCountsForTheTokensTheyTrained() {
        List<String> newsletter = List.of("garden", "digest", "tulips", "compost");
        FixedStatistics shared = new FixedStatistics(100, 100);
        FixedStatistics own = new FixedStatistics(3, 0);
        newsletter.forEach(token -> {
            shared.with(token, 0, 1);
            own.with(token, 3, 0);
        });

        Classification alone = classifier.classify(newsletter, shared);
        Classification personal = classifier.classify(newsletter, shared, Optional.of(own), 5);

        assertThat(alone.verdict()).isEqualTo(Verdict.NO);
        assertThat(personal.verdict()).isEqualTo(Verdict.YES);
        assertThat(personal.model()).isEqualTo(ModelUsed.PERSONAL);
    }

    @Test
    void shouldGiveTheSharedScoreWhenNoTokenIsTheRecipients() {
        FixedStatistics own = new FixedStatistics(3, 0).with("garden", 3, 0);
        List<String> tokens = List.of("viagra", "lottery", "meeting");

        Classification personal = classifier.classify(tokens, trained, Optional.of(own), 5);

        assertThat(personal).isEqualTo(classifier.classify(tokens, trained));
        assertThat(personal.model()).isEqualTo(ModelUsed.SHARED);
    }

    @Test
    void shouldDecideOnTheRecipientsTrainingWhenTheSharedModelAloneIsTooSmall() {
        FixedStatistics empty = new FixedStatistics(0, 0);
        FixedStatistics own = new FixedStatistics(20, 20).with("viagra", 20, 0).with("agenda", 0, 20);

        Classification personal = classifier.classify(List.of("viagra"), empty, Optional.of(own), 5);

        assertThat(personal.verdict()).isEqualTo(Verdict.YES);
        assertThat(personal.model()).isEqualTo(ModelUsed.PERSONAL);
    }

    @Test
    void shouldTagWhatTheRecipientCorrectedAsSoonWhenTheSharedModelIsTenTimesLarger() {
        List<String> list = List.of("list-id:garden", "digest", "tulips", "compost", "the");
        FixedStatistics own = new FixedStatistics(3, 0);
        list.forEach(token -> own.with(token, 3, 0));

        for (int scale : new int[] {1, 10}) {
            FixedStatistics shared = new FixedStatistics(100L * scale, 1000L * scale).with("the", 90 * scale, 900 * scale);
            list.stream().filter(token -> !token.equals("the")).forEach(token -> shared.with(token, 0, 100 * scale));

            Classification personal = classifier.classify(list, shared, Optional.of(own), 5);

            assertThat(classifier.classify(list, shared).verdict()).as("shared, scale %d", scale).isEqualTo(Verdict.NO);
            assertThat(personal.verdict()).as("personal, scale %d", scale).isEqualTo(Verdict.YES);
        }
    }

    @Test
    void shouldLeaveTokensCommonToAllMailNeutralWhenTheRecipientTrainedThemAsSpam() {
        List<String> common = List.of("the", "received:relay.example.org", "to:alice@example.org");
        FixedStatistics own = new FixedStatistics(3, 0);
        common.forEach(token -> own.with(token, 3, 0));
        FixedStatistics shared = new FixedStatistics(100, 100).with("meeting", 0, 50).with("agenda", 1, 40);
        common.forEach(token -> shared.with(token, 95, 95));

        Classification onlyCommon = classifier.classify(common, shared, Optional.of(own), 5);
        List<String> hamWithCommon = List.of("meeting", "agenda", "the", "received:relay.example.org", "to:alice@example.org");
        Classification ham = classifier.classify(hamWithCommon, shared, Optional.of(own), 5);

        assertThat(onlyCommon).isEqualTo(Classification.UNDECIDED);
        assertThat(ham.score()).isEqualTo(classifier.classify(hamWithCommon, shared).score());
        assertThat(ham.model()).isEqualTo(ModelUsed.SHARED);
    }

    @Test
    void shouldWeighTheSharedHamRateWhenTheRecipientTrainedOnlySpam() {
        FixedStatistics own = new FixedStatistics(3, 0).with("agenda", 1, 0).with("meeting", 1, 0);
        List<String> ham = List.of("meeting", "agenda", "minutes");

        Classification personal = classifier.classify(ham, trained, Optional.of(own), 5);

        assertThat(personal.verdict()).isEqualTo(Verdict.NO);
    }

    @Test
    void shouldWeighTheSharedSpamRateWhenTheRecipientTrainedOnlyHam() {
        FixedStatistics own = new FixedStatistics(0, 3).with("the", 0, 3).with("lottery", 0, 1);
        List<String> spam = List.of("viagra", "lottery", "winner", "the");

        Classification personal = classifier.classify(spam, trained, Optional.of(own), 5);

        assertThat(personal.verdict()).isEqualTo(Verdict.YES);
    }

    @Test
    void shouldLetTheRecipientsRateTakeOverAsTheyTrainMoreOfAClass() {
        FixedStatistics shared = new FixedStatistics(100, 100).with("digest", 0, 20).with("tulips", 0, 20);
        List<String> newsletter = List.of("digest", "tulips");
        double previous = classifier.classify(newsletter, shared).score();

        for (int corrections : new int[] {1, 3, 10, 30}) {
            FixedStatistics own = new FixedStatistics(corrections, 0).with("digest", corrections, 0).with("tulips", corrections, 0);
            double score = classifier.classify(newsletter, shared, Optional.of(own), 5).score();

            assertThat(score).as("after %d corrections", corrections).isGreaterThan(previous);
            previous = score;
        }
    }

    static final class FixedStatistics implements TokenStatistics {
        private final long spamMessages;
        private final long hamMessages;
        private final Map<String, TokenCount> counts = new HashMap<>();

        FixedStatistics(long spamMessages, long hamMessages) {
            this.spamMessages = spamMessages;
            this.hamMessages = hamMessages;
        }

        FixedStatistics with(String token, int spam, int ham) {
            counts.put(token, new TokenCount(spam, ham));
            return this;
        }

        @Override
        public long spamMessages() {
            return spamMessages;
        }

        @Override
        public long hamMessages() {
            return hamMessages;
        }

        @Override
        public TokenCount count(String token) {
            return counts.getOrDefault(token, TokenCount.NONE);
        }
    }
}
