package org.hackablemail.mailets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import javax.mail.MessagingException;

import org.apache.mailet.base.test.FakeMailetConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MailetParametersTest {

    private static MailetParameters parameters(String name, String value) {
        return new MailetParameters(FakeMailetConfig.builder().mailetName("m").setProperty(name, value).build(), "Some");
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "TRUE", " True "})
    void boolShouldAcceptTrueInAnyCase(String value) throws Exception {
        assertThat(parameters("flag", value).bool("flag", false)).isTrue();
    }

    @Test
    void boolShouldTakeTheDefaultWhenTheValueIsEmpty() throws Exception {
        assertThat(parameters("flag", " ").bool("flag", true)).isTrue();
    }

    @Test
    void boolShouldRejectAnythingButTrueOrFalse() {
        assertThatThrownBy(() -> parameters("flag", "yes").bool("flag", false))
            .isInstanceOf(MessagingException.class)
            .hasMessage("Some: 'flag' must be true or false, got 'yes'");
    }

    @Test
    void durationShouldReadUnitsAndBareSeconds() throws Exception {
        assertThat(parameters("delay", "15 minutes").duration("delay", "1s")).isEqualTo(Duration.ofMinutes(15));
        assertThat(parameters("delay", "90").duration("delay", "1s")).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void millisShouldReadBareMillisecondsAndUnits() throws Exception {
        assertThat(parameters("timeoutMillis", "1500").millis("timeoutMillis", Duration.ZERO))
            .isEqualTo(Duration.ofMillis(1500));
        assertThat(parameters("timeoutMillis", "3s").millis("timeoutMillis", Duration.ZERO))
            .isEqualTo(Duration.ofSeconds(3));
        assertThat(parameters("other", "3s").millis("timeoutMillis", Duration.ofSeconds(20)))
            .isEqualTo(Duration.ofSeconds(20));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "soon"})
    void durationShouldRejectWhatIsNotAPositiveDuration(String value) {
        assertThatThrownBy(() -> parameters("delay", value).duration("delay", "1s"))
            .isInstanceOf(MessagingException.class)
            .hasMessage("Some: 'delay' must be a positive duration such as 10 minutes or 7 days, got '" + value + "'");
    }

    @Test
    void sizeShouldReadUnits() throws Exception {
        assertThat(parameters("max", "512K").size("max", "1M")).isEqualTo(512 * 1024);
    }

    @Test
    void requiredShouldSayWhatIsExpectedWhenMissing() {
        assertThatThrownBy(() -> parameters("other", "x").required("receiver", "a host name"))
            .isInstanceOf(MessagingException.class)
            .hasMessage("Some: 'receiver' is required: a host name");
    }

    @Test
    void listShouldBeEmptyWhenGivenEmptyAndTheDefaultWhenAbsent() {
        assertThat(parameters("networks", "").list("networks", "a, b")).isEmpty();
        assertThat(parameters("other", "").list("networks", "a, b")).containsExactly("a", "b");
        assertThat(parameters("networks", " x ,, y").list("networks", "a")).containsExactly("x", "y");
    }
}
