package org.hackablemail.plugin.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PluginInputTest {
    private static final IncomingEmail EMAIL = IncomingEmail.of("a@example.org", "b@demo.test",
        Map.of("Subject", "Hi"), "x".repeat(10_000));

    @Test
    void shouldKeepEmailWhenItFits() {
        PluginInput input = PluginInput.fitted(EMAIL, 100_000);

        assertThat(input.email()).isEqualTo(EMAIL);
        assertThat(input.json()).isEqualTo(EmailJson.toJson(EMAIL));
    }

    @Test
    void shouldCutBodyAndSayWhenJsonExceedsTheCap() {
        PluginInput input = PluginInput.fitted(EMAIL, 2_000);

        assertThat(input.json().length).isLessThanOrEqualTo(2_000).isGreaterThan(1_900);
        assertThat(input.email().bodyTruncated()).isTrue();
        assertThat(input.email().body()).hasSizeLessThan(2_000);
    }

    @Test
    void shouldCutBodyByItsJsonSizeWhenItIsMostlyEscaped() {
        IncomingEmail controls = EMAIL.toBuilder().body("\0".repeat(10_000)).build();

        PluginInput input = PluginInput.fitted(controls, 2_000);

        assertThat(input.json().length).isLessThanOrEqualTo(2_000);
        assertThat(input.email().body()).hasSizeGreaterThan(250);
    }

    @Test
    void shouldNeverCutSurrogatePairWhenCuttingBody() {
        IncomingEmail emoji = EMAIL.toBuilder().body("\uD83D\uDE00".repeat(5_000)).build();

        String body = PluginInput.fitted(emoji, 2_001).email().body();

        assertThat(body.length() % 2).isZero();
    }

    @Test
    void shouldLeaveListEndsOutAndSayWhenHeaderAloneExceedsTheCap() {
        List<IncomingEmail.Header> header = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            header.add(new IncomingEmail.Header("X-Field-" + i, "value " + i));
        }
        IncomingEmail crafted = EMAIL.toBuilder().headerList(header).attachments(List.of()).problems(List.of()).build();

        PluginInput input = PluginInput.fitted(crafted, 20_000);

        assertThat(input.json().length).isLessThanOrEqualTo(20_000);
        assertThat(input.email().body()).isEmpty();
        assertThat(input.email().headerList()).isNotEmpty().hasSizeLessThan(2_000);
        assertThat(input.email().headers()).hasSameSizeAs(input.email().headerList());
        assertThat(input.email().problems()).extracting(IncomingEmail.Problem::code).containsExactly(PluginInput.INPUT_CUT);
    }
}
