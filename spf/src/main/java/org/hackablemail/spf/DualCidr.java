package org.hackablemail.spf;

import java.net.InetAddress;

/** The {@code ip4-cidr-length} and {@code ip6-cidr-length} of an a or mx mechanism; the one of the client's family applies. */
record DualCidr(int ip4PrefixLength, int ip6PrefixLength) {
    boolean contains(InetAddress network, InetAddress candidate) {
        int prefixLength = IpAddresses.isIp4(network) ? ip4PrefixLength : ip6PrefixLength;
        return Network.of(network, prefixLength).contains(candidate);
    }
}
