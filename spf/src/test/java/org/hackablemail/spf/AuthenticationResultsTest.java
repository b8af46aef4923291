package org.hackablemail.spf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class AuthenticationResultsTest {

    @Test
    void shouldReadTheAuthservIdAndEachResult() {
        AuthenticationResults parsed = AuthenticationResults.parse(
            "mx.front.example; spf=pass smtp.mailfrom=alice@shop.example; dkim=fail header.d=shop.example").orElseThrow();

        assertThat(parsed.authservId()).isEqualTo("mx.front.example");
        assertThat(parsed.results()).containsExactly(
            new AuthenticationResults.Result("spf", "pass", Map.of("smtp.mailfrom", "alice@shop.example")),
            new AuthenticationResults.Result("dkim", "fail", Map.of("header.d", "shop.example")));
    }

    @Test
    void shouldIgnoreCommentsVersionsAndWhiteSpaceAroundTheSeparators() {
        AuthenticationResults parsed = AuthenticationResults.parse(
            " (front (nested) comment) \"mx.front.example\" 1 ;\r\n\tSPF / 1 = Pass (sender \\) ok) reason=\"a; b\""
                + " smtp . mailfrom = Alice@Shop.Example").orElseThrow();

        assertThat(parsed.authservId()).isEqualTo("mx.front.example");
        assertThat(parsed.results()).containsExactly(new AuthenticationResults.Result("spf", "pass",
            Map.of("reason", "a; b", "smtp.mailfrom", "Alice@Shop.Example")));
    }

    @Test
    void shouldHaveNoResultsWhenTheFieldSaysNone() {
        assertThat(AuthenticationResults.parse("mx.front.example; none").orElseThrow().results()).isEmpty();
    }

    @Test
    void shouldBeEmptyWhenThereIsNoAuthservId() {
        assertThat(AuthenticationResults.parse(" (only a comment) ")).isEmpty();
        assertThat(AuthenticationResults.parse("; spf=pass smtp.mailfrom=a@b.example")).isEmpty();
    }

    @Test
    void shouldSkipResultsItCannotRead() {
        AuthenticationResults parsed = AuthenticationResults.parse("mx.front.example; =pass; spf; spf=pass smtp.mailfrom=a@b.example")
            .orElseThrow();

        assertThat(parsed.results()).extracting(AuthenticationResults.Result::method).containsExactly("spf");
    }

    @Test
    void spfPassedForShouldMatchTheAddressOrItsDomain() {
        assertThat(spf("spf=pass smtp.mailfrom=alice@shop.example").spfPassedFor("ALICE@shop.example")).isTrue();
        assertThat(spf("spf=pass smtp.mailfrom=shop.example").spfPassedFor("alice@shop.example")).isTrue();
        assertThat(spf("spf=pass smtp.mailfrom=@shop.example").spfPassedFor("alice@shop.example")).isTrue();
    }

    @Test
    void spfPassedForShouldBeFalseWhenAnotherIdentityOrResult() {
        assertThat(spf("spf=pass smtp.mailfrom=mallory@evil.example").spfPassedFor("alice@shop.example")).isFalse();
        assertThat(spf("spf=pass smtp.helo=shop.example").spfPassedFor("alice@shop.example")).isFalse();
        assertThat(spf("spf=softfail smtp.mailfrom=alice@shop.example").spfPassedFor("alice@shop.example")).isFalse();
        assertThat(spf("dkim=pass smtp.mailfrom=alice@shop.example").spfPassedFor("alice@shop.example")).isFalse();
        assertThat(spf("spf=pass smtp.mailfrom=evil.example").spfPassedFor("alice@shop.example.evil.example")).isFalse();
    }

    @Test
    void shouldReadWhatTheAnnotatorWrites() {
        String written = "mx.example.org; spf=pass smtp.mailfrom=\"\\\"al ice\\\"@example.com\"; spf=none smtp.helo=mail.example.net";

        AuthenticationResults parsed = AuthenticationResults.parse(written).orElseThrow();

        assertThat(parsed.results()).extracting(result -> result.properties())
            .containsExactly(Map.of("smtp.mailfrom", "\"al ice\"@example.com"), Map.of("smtp.helo", "mail.example.net"));
        assertThat(parsed.spfPassedFor("\"al ice\"@example.com")).isTrue();
    }

    private static AuthenticationResults spf(String results) {
        return AuthenticationResults.parse("mx.front.example; " + results).orElseThrow();
    }

}
