package org.hackablemail.spf;

import java.net.InetAddress;

/** An address block (address and prefix length) of one family; it never contains an address of the other family. */
final class Network {
    private final byte[] address;
    private final int prefixLength;

    Network(byte[] address, int prefixLength) {
        this.address = address.clone();
        this.prefixLength = prefixLength;
    }

    static Network of(InetAddress address, int prefixLength) {
        return new Network(address.getAddress(), prefixLength);
    }

    boolean contains(InetAddress candidate) {
        byte[] bytes = candidate.getAddress();
        if (bytes.length != address.length) {
            return false;
        }
        int fullBytes = prefixLength / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (bytes[i] != address[i]) {
                return false;
            }
        }
        int remainingBits = prefixLength % 8;
        if (remainingBits == 0) {
            return true;
        }
        int mask = (0xff << (8 - remainingBits)) & 0xff;
        return (bytes[fullBytes] & mask) == (address[fullBytes] & mask);
    }
}
