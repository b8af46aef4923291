package org.hackablemail.spf;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/** An address block (address and prefix length) of one family; it never contains an address of the other family. */
public final class Network {
    private final byte[] address;
    private final int prefixLength;

    Network(byte[] address, int prefixLength) {
        this.address = address.clone();
        this.prefixLength = prefixLength;
    }

    static Network of(InetAddress address, int prefixLength) {
        return new Network(address.getAddress(), prefixLength);
    }

    /** Parses {@code 192.0.2.0/24}, {@code 2001:db8::/32}, or a single address such as {@code ::1}. */
    public static Optional<Network> parse(String text) {
        int slash = text.indexOf('/');
        Optional<InetAddress> address = IpAddresses.parse(slash < 0 ? text : text.substring(0, slash));
        if (address.isEmpty()) {
            return Optional.empty();
        }
        int maxPrefixLength = address.get().getAddress().length * 8;
        if (slash < 0) {
            return Optional.of(of(address.get(), maxPrefixLength));
        }
        String digits = text.substring(slash + 1);
        if (!digits.matches("\\d{1,3}") || Integer.parseInt(digits) > maxPrefixLength) {
            return Optional.empty();
        }
        return Optional.of(of(address.get(), Integer.parseInt(digits)));
    }

    public boolean contains(InetAddress candidate) {
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

    /** {@code 192.0.2.0/24}, as {@link #parse} reads it. */
    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(address).getHostAddress() + "/" + prefixLength;
        } catch (UnknownHostException e) {
            throw new IllegalStateException("An address of 4 or 16 bytes is always valid", e);
        }
    }
}
