package org.hackablemail.spf;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;

class NetworkTest {
    private static InetAddress ip(String literal) {
        return IpAddresses.parse(literal).orElseThrow();
    }

    @Test
    void parseShouldAcceptIp4AndIp6Blocks() {
        assertThat(Network.parse("172.16.0.0/12").orElseThrow().contains(ip("172.31.255.1"))).isTrue();
        assertThat(Network.parse("172.16.0.0/12").orElseThrow().contains(ip("172.32.0.1"))).isFalse();
        assertThat(Network.parse("fc00::/7").orElseThrow().contains(ip("fd12::1"))).isTrue();
        assertThat(Network.parse("fc00::/7").orElseThrow().contains(ip("fe80::1"))).isFalse();
    }

    @Test
    void parseShouldTakeASingleAddressAsAFullLengthBlock() {
        assertThat(Network.parse("::1").orElseThrow().contains(ip("::1"))).isTrue();
        assertThat(Network.parse("::1").orElseThrow().contains(ip("::2"))).isFalse();
    }

    @Test
    void containsShouldBeFalseForTheOtherFamily() {
        assertThat(Network.parse("0.0.0.0/0").orElseThrow().contains(ip("::1"))).isFalse();
    }

    @Test
    void parseShouldRejectHostNamesAndBadPrefixes() {
        assertThat(Network.parse("localhost")).isEmpty();
        assertThat(Network.parse("10.0.0.0/33")).isEmpty();
        assertThat(Network.parse("10.0.0.0/")).isEmpty();
        assertThat(Network.parse("10.0.0.0/-1")).isEmpty();
    }
}
