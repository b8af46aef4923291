package org.hackablemail.config;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

import org.apache.james.util.DurationParser;
import org.apache.james.util.Size;
import org.hackablemail.spf.Network;

/**
 * Parsers for configuration values, shared by {@code hackable-mail.properties} and mailet parameters. They throw
 * {@link IllegalArgumentException} with a message that says what is expected.
 */
public final class ValueParsers {
    private ValueParsers() {
    }

    /** A duration such as {@code 500ms}, {@code 1s} or {@code 15 minutes}; a bare number means seconds. */
    public static Duration positiveDuration(String value) {
        return positiveDuration(value, ChronoUnit.SECONDS);
    }

    /** A duration such as {@code 500ms}, {@code 1s} or {@code 15 minutes}; a bare number is in {@code bareUnit}. */
    public static Duration positiveDuration(String value, ChronoUnit bareUnit) {
        Duration duration;
        try {
            duration = DurationParser.parse(value.trim(), bareUnit);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("a duration is required, e.g. 500ms, 1s or 15 minutes");
        }
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("a positive duration is required, e.g. 500ms, 1s or 15 minutes");
        }
        return duration;
    }

    /** A size in bytes such as {@code 64K} or {@code 16M}. */
    public static long positiveSize(String value) {
        long bytes;
        try {
            bytes = Size.parse(value.trim()).asBytes();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("a size is required, e.g. 64K or 16M");
        }
        if (bytes <= 0) {
            throw new IllegalArgumentException("a positive size is required, e.g. 64K or 16M");
        }
        return bytes;
    }

    /** {@code true} or {@code false}, in any case. */
    public static boolean bool(String value) {
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("true or false is required");
        };
    }

    /** A number from 0 to 1. */
    public static double fraction(String value) {
        double number = number(value);
        if (number < 0 || number > 1) {
            throw new IllegalArgumentException("a number from 0 to 1 is required");
        }
        return number;
    }

    /** A number above 0. */
    public static double positiveNumber(String value) {
        double number = number(value);
        if (!(number > 0) || Double.isInfinite(number)) {
            throw new IllegalArgumentException("a number above 0 is required");
        }
        return number;
    }

    private static double number(String value) {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a number is required");
        }
    }

    public static int positiveInt(String value) {
        return atLeast(value, 1);
    }

    public static int nonNegativeInt(String value) {
        return atLeast(value, 0);
    }

    public static String nonBlank(String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException("a value is required");
        }
        return value.trim();
    }

    /** A comma-separated list; blank items are left out, so an empty value is an empty list. */
    public static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(item -> !item.isEmpty()).toList();
    }

    /** Comma-separated IP addresses and CIDR blocks, e.g. {@code 10.0.0.0/8, ::1}. */
    public static List<Network> networks(String value) {
        return list(value).stream()
            .map(item -> Network.parse(item).orElseThrow(() -> new IllegalArgumentException(
                "IP addresses and CIDR blocks such as 192.0.2.0/24 are required, got '" + item + "'")))
            .toList();
    }

    private static int atLeast(String value, int minimum) {
        int number;
        try {
            number = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a whole number is required");
        }
        if (number < minimum) {
            throw new IllegalArgumentException("a number of at least " + minimum + " is required");
        }
        return number;
    }
}
