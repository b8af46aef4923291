package org.hackablemail.spf;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ReceivedSpfHeaderTest {
    private static final String RECEIVER = "mx.example.org";
    private static final SpfChecker CHECKER = new SpfChecker(ZoneDns.of(Map.of(
        "example.com", List.of(Map.of("TXT", "v=spf1 ip4:192.0.2.1 ip6:2001:db8::/32 -all")),
        "broken.example.com", List.of(Map.of("TXT", "v=spf1 bogus -all")))), RECEIVER);

    private static InetAddress ip(String literal) {
        return IpAddresses.parse(literal).orElseThrow();
    }

    @Test
    void shouldGiveResultCommentAndAllKeysWhenPass() {
        SpfVerdict verdict = CHECKER.checkMailFrom(ip("192.0.2.1"), "alice@example.com", "mail.example.com");

        assertThat(ReceivedSpfHeader.value(verdict, RECEIVER)).isEqualTo(
            "pass (mx.example.org: domain of alice@example.com designates 192.0.2.1 as permitted sender)"
                + " client-ip=192.0.2.1; envelope-from=\"alice@example.com\"; helo=mail.example.com;"
                + " receiver=mx.example.org; identity=mailfrom; mechanism=\"ip4:192.0.2.1\"");
    }

    @Test
    void shouldSayDoesNotDesignateAndNameTheMechanismWhenFail() {
        SpfVerdict verdict = CHECKER.checkMailFrom(ip("198.51.100.7"), "alice@example.com", "mail.example.com");

        assertThat(ReceivedSpfHeader.value(verdict, RECEIVER))
            .startsWith("fail (mx.example.org: domain of alice@example.com does not designate 198.51.100.7 as permitted sender)")
            .endsWith("; mechanism=-all");
    }

    @Test
    void shouldQuoteAnIpv6ClientIp() {
        SpfVerdict verdict = CHECKER.checkMailFrom(ip("2001:DB8:0:0:0:0:0:1"), "alice@example.com", "mail.example.com");

        assertThat(ReceivedSpfHeader.value(verdict, RECEIVER)).contains("client-ip=\"2001:db8::1\";");
    }

    @Test
    void shouldReportTheProblemWhenPermerror() {
        SpfVerdict verdict = CHECKER.checkMailFrom(ip("192.0.2.1"), "bob@broken.example.com", "mail.example.com");

        assertThat(ReceivedSpfHeader.value(verdict, RECEIVER))
            .startsWith("permerror (mx.example.org: permanent error in the SPF policy of broken.example.com)")
            .endsWith("; identity=mailfrom; problem=\"unknown mechanism 'bogus'\"")
            .doesNotContain("mechanism=");
    }

    @Test
    void shouldCutALongProblemShort() {
        SpfVerdict verdict = new SpfVerdict(Identity.MAILFROM, SpfResult.PERMERROR, ip("192.0.2.1"), "mail.example.com",
            "a@example.com", "example.com", Optional.empty(), Optional.of("x".repeat(1000)), Optional.empty());

        assertThat(ReceivedSpfHeader.value(verdict, RECEIVER)).endsWith("problem=\"" + "x".repeat(200) + "...\"");
    }

    @Test
    void shouldNameTheHeloIdentityWhenHeloChecked() {
        SpfVerdict verdict = CHECKER.checkHelo(ip("192.0.2.1"), "example.com");

        assertThat(ReceivedSpfHeader.value(verdict, RECEIVER))
            .contains("envelope-from=\"postmaster@example.com\"; helo=example.com;")
            .contains("identity=helo");
    }

    @Test
    void shouldKeepOneLineWhenClientSendsLineBreaks() {
        SpfVerdict verdict = new SpfVerdict(Identity.MAILFROM, SpfResult.NONE, ip("192.0.2.1"), "evil\r\nX-Injected: yes",
            "a\r\n(b)\"c\\@example.com", "example.com", Optional.empty(), Optional.empty(), Optional.empty());

        String value = ReceivedSpfHeader.value(verdict, RECEIVER);

        assertThat(value)
            .doesNotContain("\r").doesNotContain("\n")
            .contains("helo=\"evil??X-Injected: yes\"")
            .contains("envelope-from=\"a??(b)\\\"c\\\\@example.com\"")
            .contains("domain of a??\\(b\\)\"c\\\\@example.com does not");
    }
}
