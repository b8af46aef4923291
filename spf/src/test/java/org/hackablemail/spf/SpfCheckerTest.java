package org.hackablemail.spf;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** What the RFC 7208 suite does not cover: the HELO identity and what a verdict carries. */
class SpfCheckerTest {
    private static final InetAddress CLIENT = IpAddresses.parse("192.0.2.1").orElseThrow();
    private static final SpfChecker CHECKER = new SpfChecker(ZoneDns.of(Map.of(
        "mail.example.com", List.of(Map.of("TXT", "v=spf1 a -all"), Map.of("A", "192.0.2.1")),
        "example.com", List.of(Map.of("TXT", "v=spf1 include:mail.example.com ~all")))), "mx.example.org");

    @Test
    void checkHeloShouldEvaluateThePolicyOfTheHeloName() {
        SpfVerdict verdict = CHECKER.checkHelo(CLIENT, "mail.example.com");

        assertThat(verdict.identity()).isEqualTo(Identity.HELO);
        assertThat(verdict.result()).isEqualTo(SpfResult.PASS);
        assertThat(verdict.envelopeFrom()).isEqualTo("postmaster@mail.example.com");
        assertThat(verdict.domain()).isEqualTo("mail.example.com");
    }

    @Test
    void checkMailFromShouldReportTheMatchingDirective() {
        SpfVerdict verdict = CHECKER.checkMailFrom(IpAddresses.parse("198.51.100.1").orElseThrow(), "bob@example.com", "mail.example.com");

        assertThat(verdict.result()).isEqualTo(SpfResult.SOFTFAIL);
        assertThat(verdict.mechanism()).contains("~all");
        assertThat(verdict.problem()).isEmpty();
    }

    @Test
    void checkMailFromShouldCheckPostmasterAtHeloWhenSenderIsNull() {
        SpfVerdict verdict = CHECKER.checkMailFrom(CLIENT, "", "mail.example.com");

        assertThat(verdict.envelopeFrom()).isEqualTo("postmaster@mail.example.com");
        assertThat(verdict.result()).isEqualTo(SpfResult.PASS);
    }

    @Test
    void checkMailFromShouldGiveNoneWithoutMechanismWhenNoPolicy() {
        SpfVerdict verdict = CHECKER.checkMailFrom(CLIENT, "carol@other.example.net", "mail.example.com");

        assertThat(verdict.result()).isEqualTo(SpfResult.NONE);
        assertThat(verdict.mechanism()).isEmpty();
    }
}
