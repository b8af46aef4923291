package org.hackablemail.spf.dnsjava;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

import org.hackablemail.spf.DnsLookupException;
import org.hackablemail.spf.IpAddresses;
import org.hackablemail.spf.SpfChecker;
import org.hackablemail.spf.SpfResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/** The adapter against a real DNS server on loopback. */
class DnsjavaSpfDnsTest {
    private static final Duration TIMEOUT = Duration.ofMillis(500);

    private static LoopbackDnsServer server;
    private static DnsjavaSpfDns dns;

    @BeforeAll
    static void startServer() throws Exception {
        server = LoopbackDnsServer.builder()
            .txt("example.com", "v=spf1 mx a:mail.example.com -all")
            .txt("example.com", "unrelated")
            .record("multi.example.com", Type.TXT, "\"v=spf1 ip4:\" \"192.0.2.5 -all\"")
            .record("latin.example.com", Type.TXT, "\"v=spf1 a:\\195\\169.example.com -all\"")
            .record("example.com", Type.MX, "10 mx.example.com.")
            .record("mx.example.com", Type.A, "192.0.2.10")
            .record("mail.example.com", Type.AAAA, "2001:db8::25")
            .record("alias.example.com", Type.CNAME, "mx.example.com.")
            .record("10.2.0.192.in-addr.arpa", Type.PTR, "mx.example.com.")
            .silent("timeout.example.com")
            .start(0);
        dns = DnsjavaSpfDns.usingServers(List.of(server.address()), TIMEOUT);
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    void txtShouldGiveEveryRecord() throws Exception {
        assertThat(dns.txt("example.com")).containsExactlyInAnyOrder("v=spf1 mx a:mail.example.com -all", "unrelated");
    }

    @Test
    void txtShouldJoinTheStringsOfOneRecord() throws Exception {
        assertThat(dns.txt("multi.example.com")).containsExactly("v=spf1 ip4:192.0.2.5 -all");
    }

    @Test
    void txtShouldKeepNonAsciiBytesNonAscii() throws Exception {
        assertThat(dns.txt("latin.example.com")).containsExactly("v=spf1 a:\u00c3\u00a9.example.com -all");
    }

    @Test
    void addressQueriesShouldGiveTheAddresses() throws Exception {
        assertThat(dns.a("mx.example.com")).containsExactly(InetAddress.getByName("192.0.2.10"));
        assertThat(dns.aaaa("mail.example.com")).containsExactly(InetAddress.getByName("2001:db8::25"));
    }

    @Test
    void mxAndPtrShouldGiveHostNamesWithoutTrailingDot() throws Exception {
        assertThat(dns.mx("example.com")).containsExactly("mx.example.com");
        assertThat(dns.ptr("10.2.0.192.in-addr.arpa")).containsExactly("mx.example.com");
    }

    @Test
    void queriesShouldWorkOverTcp() throws Exception {
        SimpleResolver tcpOnly = new SimpleResolver(server.address());
        tcpOnly.setTCP(true);

        assertThat(new DnsjavaSpfDns(() -> tcpOnly, TIMEOUT).txt("multi.example.com")).containsExactly("v=spf1 ip4:192.0.2.5 -all");
    }

    @Test
    void usingDefaultResolverShouldQueryTheResolverRegisteredWithDnsjava() throws Exception {
        SimpleResolver registered = new SimpleResolver(server.address());
        Lookup.setDefaultResolver(registered);
        try {
            assertThat(DnsjavaSpfDns.usingDefaultResolver(TIMEOUT).a("mx.example.com")).containsExactly(InetAddress.getByName("192.0.2.10"));
        } finally {
            Lookup.refreshDefault();
        }
    }

    @Test
    void queriesShouldFollowCnames() throws Exception {
        assertThat(dns.a("alias.example.com")).containsExactly(InetAddress.getByName("192.0.2.10"));
    }

    @Test
    void queriesShouldGiveNothingWhenNameDoesNotExist() throws Exception {
        assertThat(dns.txt("nowhere.example.com")).isEmpty();
    }

    @Test
    void queriesShouldGiveNothingWhenNameHasNoRecordOfTheType() throws Exception {
        assertThat(dns.aaaa("mx.example.com")).isEmpty();
    }

    @Test
    void queriesShouldThrowDnsLookupExceptionWhenServerNeverAnswers() {
        assertThatThrownBy(() -> dns.txt("timeout.example.com")).isInstanceOf(DnsLookupException.class);
    }

    @Test
    void checkerShouldPassAndFailThroughRealDns() {
        SpfChecker checker = new SpfChecker(dns, "receiver.example.org");

        assertThat(checker.checkMailFrom(ip("192.0.2.10"), "a@example.com", "mx.example.com").result()).isEqualTo(SpfResult.PASS);
        assertThat(checker.checkMailFrom(ip("2001:db8::25"), "a@example.com", "mx.example.com").result()).isEqualTo(SpfResult.PASS);
        assertThat(checker.checkMailFrom(ip("192.0.2.99"), "a@example.com", "mx.example.com").result()).isEqualTo(SpfResult.FAIL);
        assertThat(checker.checkMailFrom(ip("192.0.2.10"), "a@timeout.example.com", "mx.example.com").result())
            .isEqualTo(SpfResult.TEMPERROR);
    }

    private static InetAddress ip(String literal) {
        return IpAddresses.parse(literal).orElseThrow();
    }
}
