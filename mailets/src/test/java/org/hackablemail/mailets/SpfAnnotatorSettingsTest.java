package org.hackablemail.mailets;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;

import org.apache.mailet.base.test.FakeMailetConfig;
import org.hackablemail.spf.IpAddresses;
import org.junit.jupiter.api.Test;

class SpfAnnotatorSettingsTest {
    private static final FakeMailetConfig.Builder CONFIG = FakeMailetConfig.builder()
        .mailetName("SpfAnnotator")
        .setProperty("receiver", "mx.example.org");

    private static InetAddress ip(String literal) {
        return IpAddresses.parse(literal).orElseThrow();
    }

    @Test
    void parseShouldGiveTheDefaultsWhenOnlyReceiverIsSet() throws Exception {
        SpfAnnotatorSettings settings = SpfAnnotatorSettings.parse(CONFIG.build());

        assertThat(settings.receiver()).isEqualTo("mx.example.org");
        assertThat(settings.checkHelo()).isFalse();
        assertThat(settings.dnsServers()).isEmpty();
        assertThat(settings.dnsTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(settings.budget()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void parseShouldTrustLoopbackPrivateAndUniqueLocalNetworksByDefault() throws Exception {
        SpfAnnotatorSettings settings = SpfAnnotatorSettings.parse(CONFIG.build());

        assertThat(new String[] {"127.0.0.2", "10.1.2.3", "172.20.0.1", "192.168.0.1", "::1", "fd00::1"})
            .allMatch(address -> settings.isTrusted(ip(address)));
        assertThat(new String[] {"192.0.2.1", "172.32.0.1", "2001:db8::1"})
            .noneMatch(address -> settings.isTrusted(ip(address)));
    }

    @Test
    void parseShouldReadDnsServersWithAndWithoutPorts() throws Exception {
        SpfAnnotatorSettings settings = SpfAnnotatorSettings.parse(CONFIG
            .setProperty("dnsServers", "192.0.2.53, 192.0.2.54:5353, 2001:db8::53, [2001:db8::54]:5353")
            .build());

        assertThat(settings.dnsServers()).containsExactly(
            new InetSocketAddress(ip("192.0.2.53"), 53),
            new InetSocketAddress(ip("192.0.2.54"), 5353),
            new InetSocketAddress(ip("2001:db8::53"), 53),
            new InetSocketAddress(ip("2001:db8::54"), 5353));
    }
}
