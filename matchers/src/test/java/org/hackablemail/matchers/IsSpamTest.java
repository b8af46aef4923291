package org.hackablemail.matchers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMatcherConfig;
import org.hackablemail.mailets.BayesianSpamTagger;
import org.junit.jupiter.api.Test;

class IsSpamTest {
    private static final String RECIPIENT = "rcpt@demo.test";

    private static IsSpam matcher(String condition) throws MessagingException {
        IsSpam matcher = new IsSpam();
        matcher.init(FakeMatcherConfig.builder().matcherName("IsSpam").condition(condition).build());
        return matcher;
    }

    private static FakeMail tagged(String verdict, double score) throws MessagingException {
        return FakeMail.builder()
            .name("mail1")
            .recipient(RECIPIENT)
            .attribute(new Attribute(BayesianSpamTagger.VERDICT_ATTRIBUTE, AttributeValue.of(verdict)))
            .attribute(new Attribute(BayesianSpamTagger.SCORE_ATTRIBUTE, AttributeValue.of(score)))
            .build();
    }

    @Test
    void shouldMatchSpamWhenThereIsNoCondition() throws Exception {
        assertThat(matcher(null).match(tagged("yes", 0.99))).containsExactly(new MailAddress(RECIPIENT));
    }

    @Test
    void shouldNotMatchUnknownWhenThereIsNoCondition() throws Exception {
        assertThat(matcher(null).match(tagged("unknown", 0.6))).isEmpty();
    }

    @Test
    void shouldMatchWhenTheVerdictIsListed() throws Exception {
        assertThat(matcher("yes, Unknown").match(tagged("unknown", 0.6))).containsExactly(new MailAddress(RECIPIENT));
    }

    @Test
    void shouldNotMatchWhenTheVerdictIsNotListed() throws Exception {
        assertThat(matcher("unknown").match(tagged("no", 0.01))).isEmpty();
    }

    @Test
    void shouldMatchWhenTheScoreIsAtTheThreshold() throws Exception {
        assertThat(matcher("0.75").match(tagged("unknown", 0.75))).containsExactly(new MailAddress(RECIPIENT));
    }

    @Test
    void shouldNotMatchWhenTheScoreIsBelowTheThreshold() throws Exception {
        assertThat(matcher("0.75").match(tagged("unknown", 0.7499))).isEmpty();
    }

    @Test
    void shouldNotMatchWhenTheMailWasNotClassified() throws Exception {
        FakeMail untagged = FakeMail.builder().name("mail1").recipient(RECIPIENT).build();

        assertThat(matcher("yes,no,unknown").match(untagged)).isEmpty();
        assertThat(matcher("0").match(untagged)).isEmpty();
    }

    @Test
    void initShouldThrowWhenAVerdictIsUnknown() {
        assertThatThrownBy(() -> matcher("yes,maybe"))
            .isInstanceOf(MessagingException.class)
            .hasMessageContaining("'maybe' is neither a verdict (yes, no, unknown) nor a score between 0 and 1");
    }

    @Test
    void initShouldThrowWhenTheScoreIsOutOfRange() {
        assertThatThrownBy(() -> matcher("1.5"))
            .isInstanceOf(MessagingException.class)
            .hasMessageContaining("between 0 and 1, got '1.5'");
    }
}
