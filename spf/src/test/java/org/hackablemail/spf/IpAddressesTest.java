package org.hackablemail.spf;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;

class IpAddressesTest {
    private static InetAddress ip(String literal) {
        return IpAddresses.parse(literal).orElseThrow();
    }

    @Test
    void parseShouldTakeIpv4MappedIpv6AsIpv4() {
        assertThat(IpAddresses.isIp4(ip("::FFFF:192.0.2.1"))).isTrue();
    }

    @Test
    void parseShouldRejectNamesWithoutResolvingThem() {
        assertThat(IpAddresses.parse("localhost")).isEmpty();
        assertThat(IpAddresses.parse("192.0.2")).isEmpty();
        assertThat(IpAddresses.parse("192.0.2.256")).isEmpty();
        assertThat(IpAddresses.parse("2001:db8::1%eth0")).isEmpty();
    }

    @Test
    void readableShouldCompressTheLongestRunOfZeroGroups() {
        assertThat(IpAddresses.readable(ip("2001:db8:0:0:1:0:0:0"))).isEqualTo("2001:db8:0:0:1::");
        assertThat(IpAddresses.readable(ip("CAFE:BABE::1"))).isEqualTo("cafe:babe::1");
        assertThat(IpAddresses.readable(ip("::1"))).isEqualTo("::1");
        assertThat(IpAddresses.readable(ip("2001:db8:0:1:1:1:1:1"))).isEqualTo("2001:db8:0:1:1:1:1:1");
    }

    @Test
    void reverseNameShouldUseInAddrAndIp6Arpa() {
        assertThat(IpAddresses.reverseName(ip("192.0.2.1"))).isEqualTo("1.2.0.192.in-addr.arpa");
        assertThat(IpAddresses.reverseName(ip("2001:db8::1")))
            .isEqualTo("1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.B.D.0.1.0.0.2.ip6.arpa");
    }
}
