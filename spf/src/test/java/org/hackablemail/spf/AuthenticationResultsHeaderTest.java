package org.hackablemail.spf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AuthenticationResultsHeaderTest {
    private static final String AUTHSERV_ID = "mx.example.org";
    private static final InetAddress CLIENT = IpAddresses.parse("192.0.2.1").orElseThrow();
    private static final SpfChecker CHECKER = new SpfChecker(ZoneDns.of(Map.of(
        "example.com", List.of(Map.of("TXT", "v=spf1 ip4:192.0.2.1 -all")),
        "timeout.example.com", List.of("TIMEOUT"))), AUTHSERV_ID);

    @Test
    void shouldReportMailFromAddressWhenMailFromChecked() {
        SpfVerdict verdict = CHECKER.checkMailFrom(CLIENT, "alice@example.com", "mail.example.net");

        assertThat(AuthenticationResultsHeader.value(AUTHSERV_ID, List.of(verdict)))
            .isEqualTo("mx.example.org; spf=pass smtp.mailfrom=alice@example.com");
    }

    @Test
    void shouldReportBothIdentitiesWhenHeloAlsoChecked() {
        SpfVerdict mailFrom = CHECKER.checkMailFrom(CLIENT, "alice@example.com", "mail.example.net");
        SpfVerdict helo = CHECKER.checkHelo(CLIENT, "mail.example.net");

        assertThat(AuthenticationResultsHeader.value(AUTHSERV_ID, List.of(mailFrom, helo)))
            .isEqualTo("mx.example.org; spf=pass smtp.mailfrom=alice@example.com; spf=none smtp.helo=mail.example.net");
    }

    @Test
    void shouldGiveTheProblemAsReasonWhenTemperror() {
        SpfVerdict verdict = CHECKER.checkMailFrom(CLIENT, "alice@timeout.example.com", "mail.example.net");

        assertThat(AuthenticationResultsHeader.value(AUTHSERV_ID, List.of(verdict)))
            .startsWith("mx.example.org; spf=temperror reason=\"DNS lookup of TXT timeout.example.com failed: ")
            .endsWith("\" smtp.mailfrom=alice@timeout.example.com");
    }

    @Test
    void shouldQuoteAnAddressThatIsNotADotAtom() {
        SpfVerdict verdict = CHECKER.checkMailFrom(CLIENT, "\"al ice\"@example.com", "mail.example.net");

        assertThat(AuthenticationResultsHeader.value(AUTHSERV_ID, List.of(verdict)))
            .endsWith("smtp.mailfrom=\"\\\"al ice\\\"@example.com\"");
    }

    @Test
    void valueShouldThrowWhenNoVerdict() {
        assertThatThrownBy(() -> AuthenticationResultsHeader.value(AUTHSERV_ID, List.of()))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void claimsShouldBeTrueWhenAuthservIdIsOursInAnyCase() {
        assertThat(AuthenticationResultsHeader.claims("MX.Example.org; spf=pass smtp.mailfrom=a@b.example", AUTHSERV_ID)).isTrue();
    }

    @Test
    void claimsShouldBeTrueWhenAuthservIdIsQuotedAfterAComment() {
        assertThat(AuthenticationResultsHeader.claims(" (forged) \"mx.example.org\"; spf=pass", AUTHSERV_ID)).isTrue();
    }

    @Test
    void claimsShouldBeTrueWhenAuthservIdHasAVersion() {
        assertThat(AuthenticationResultsHeader.claims("mx.example.org 1; none", AUTHSERV_ID)).isTrue();
    }

    @Test
    void claimsShouldBeFalseWhenAnotherServerWroteIt() {
        assertThat(AuthenticationResultsHeader.claims("mx.example.org.evil.example; spf=pass", AUTHSERV_ID)).isFalse();
    }

    @Test
    void claimsShouldBeFalseWhenValueIsEmpty() {
        assertThat(AuthenticationResultsHeader.claims("  ", AUTHSERV_ID)).isFalse();
    }
}
