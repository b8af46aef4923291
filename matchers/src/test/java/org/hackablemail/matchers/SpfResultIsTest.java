package org.hackablemail.matchers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMatcherConfig;
import org.hackablemail.mailets.SpfAnnotator;
import org.junit.jupiter.api.Test;

class SpfResultIsTest {
    private static final String RECIPIENT = "rcpt@example.org";

    private static SpfResultIs matcher(String condition) throws MessagingException {
        SpfResultIs matcher = new SpfResultIs();
        matcher.init(FakeMatcherConfig.builder().matcherName("SpfResultIs").condition(condition).build());
        return matcher;
    }

    private static FakeMail mailWithResult(String result) throws MessagingException {
        return FakeMail.builder()
            .name("mail1")
            .recipient(RECIPIENT)
            .attribute(new Attribute(SpfAnnotator.RESULT_ATTRIBUTE, AttributeValue.of(result)))
            .build();
    }

    @Test
    void shouldMatchWhenResultIsListed() throws Exception {
        assertThat(matcher("fail,softfail").match(mailWithResult("softfail"))).containsExactly(new MailAddress(RECIPIENT));
    }

    @Test
    void shouldNotMatchWhenResultIsNotListed() throws Exception {
        assertThat(matcher("fail,softfail").match(mailWithResult("pass"))).isEmpty();
    }

    @Test
    void shouldNotMatchWhenMailWasNotChecked() throws Exception {
        assertThat(matcher("fail").match(FakeMail.builder().name("mail1").recipient(RECIPIENT).build())).isEmpty();
    }

    @Test
    void shouldAcceptSpacesAndAnyCaseInTheCondition() throws Exception {
        assertThat(matcher(" Fail , TempError ").match(mailWithResult("temperror"))).containsExactly(new MailAddress(RECIPIENT));
    }

    @Test
    void initShouldThrowWhenConditionIsMissing() {
        assertThatThrownBy(() -> matcher(null)).isInstanceOf(MessagingException.class);
    }

    @Test
    void initShouldThrowWhenAResultIsUnknown() {
        assertThatThrownBy(() -> matcher("fail,failed"))
            .isInstanceOf(MessagingException.class)
            .hasMessageContaining("failed");
    }
}
