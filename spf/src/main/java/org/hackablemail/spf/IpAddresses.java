package org.hackablemail.spf;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * Strict parsing and the RFC 7208 text forms of IP addresses. Parsing never touches DNS:
 * text is checked before {@link InetAddress#getByAddress} or a literal-only {@link InetAddress#getByName} sees it.
 */
public final class IpAddresses {
    private static final Pattern IP4 = Pattern.compile(
        "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IP6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final int IP6_GROUPS = 8;

    private IpAddresses() {
    }

    /** An IPv4 or IPv6 literal; IPv4-mapped IPv6 addresses come back as IPv4 (RFC 7208 §5). */
    public static Optional<InetAddress> parse(String text) {
        if (IP4.matcher(text).matches() || IP6_CHARACTERS.matcher(text).matches()) {
            try {
                return Optional.of(InetAddress.getByName(text));
            } catch (UnknownHostException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    static Optional<byte[]> parseIp4(String text) {
        return IP4.matcher(text).matches() ? parse(text).map(InetAddress::getAddress) : Optional.empty();
    }

    /** The 16 bytes of an IPv6 literal, IPv4-mapped ones included. */
    static Optional<byte[]> parseIp6(String text) {
        if (!IP6_CHARACTERS.matcher(text).matches()) {
            return Optional.empty();
        }
        return parse(text).map(IpAddresses::sixteenBytes);
    }

    private static byte[] sixteenBytes(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 16) {
            return bytes;
        }
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(bytes, 0, mapped, 12, 4);
        return mapped;
    }

    static boolean isIp4(InetAddress address) {
        return address instanceof Inet4Address;
    }

    /**
     * The {@code %{i}} form: dotted decimal, or dot-separated nibbles for IPv6. The nibbles are upper case as in
     * pyspf, which the RFC 7208 suite's explanations expect; DNS ignores the case of the names built from them.
     */
    static String dotted(InetAddress address) {
        byte[] bytes = address.getAddress();
        StringJoiner joiner = new StringJoiner(".");
        if (isIp4(address)) {
            for (byte b : bytes) {
                joiner.add(Integer.toString(b & 0xff));
            }
        } else {
            for (byte b : bytes) {
                joiner.add(nibble(b >> 4)).add(nibble(b));
            }
        }
        return joiner.toString();
    }

    private static String nibble(int value) {
        return Integer.toHexString(value & 0xf).toUpperCase(Locale.ROOT);
    }

    /** The name queried for PTR records, e.g. {@code 4.3.2.1.in-addr.arpa}. */
    static String reverseName(InetAddress address) {
        String[] parts = dotted(address).split("\\.");
        StringJoiner joiner = new StringJoiner(".", "", isIp4(address) ? ".in-addr.arpa" : ".ip6.arpa");
        for (int i = parts.length - 1; i >= 0; i--) {
            joiner.add(parts[i]);
        }
        return joiner.toString();
    }

    /** The {@code %{c}} form and the {@code client-ip} value: dotted decimal, or RFC 5952 compressed IPv6. */
    public static String readable(InetAddress address) {
        if (isIp4(address)) {
            return address.getHostAddress();
        }
        byte[] bytes = address.getAddress();
        int[] groups = new int[IP6_GROUPS];
        for (int i = 0; i < IP6_GROUPS; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int start = 0; start < IP6_GROUPS; start++) {
            int length = 0;
            while (start + length < IP6_GROUPS && groups[start + length] == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = start;
                bestLength = length;
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < IP6_GROUPS; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
