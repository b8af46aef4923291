package org.hackablemail.mailets;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.mail.MessagingException;

import org.apache.mailet.MailetConfig;
import org.hackablemail.config.ValueParsers;

/**
 * The one way the bundle's mailets read their parameters: values are trimmed, an empty value counts as absent,
 * booleans are {@code true} or {@code false} in any case, durations take a unit ({@code 500ms}, {@code 15 minutes};
 * a bare number is in the unit the parameter's name or javadoc gives), sizes {@code 512K} or {@code 2M}, lists are
 * comma-separated (there, given empty means no item, not the default). Every
 * mistake is a {@link MessagingException} in one format: {@code <mailet>: '<parameter>' must be <what>, got '<value>'}.
 */
final class MailetParameters {
    private final MailetConfig config;
    private final String mailet;

    MailetParameters(MailetConfig config, String mailet) {
        this.config = config;
        this.mailet = mailet;
    }

    Optional<String> optional(String name) {
        return Optional.ofNullable(config.getInitParameter(name)).map(String::trim).filter(value -> !value.isEmpty());
    }

    /** The value, or a mistake saying what it must be when it is missing. */
    String required(String name, String expected) throws MessagingException {
        return optional(name).orElseThrow(() -> new MessagingException(mailet + ": '" + name + "' is required: "
            + expected));
    }

    /** Comma-separated items, trimmed; the default when the parameter is absent, no item when it is given empty. */
    List<String> list(String name, String defaultValue) {
        String value = Optional.ofNullable(config.getInitParameter(name)).orElse(defaultValue);
        return Arrays.stream(value.split(","))
            .map(String::trim)
            .filter(item -> !item.isEmpty())
            .collect(Collectors.toList());
    }

    boolean bool(String name, boolean defaultValue) throws MessagingException {
        Optional<String> value = optional(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        String lowerCase = value.get().toLowerCase(Locale.ROOT);
        if (!lowerCase.equals("true") && !lowerCase.equals("false")) {
            throw invalid(name, "true or false", value.get());
        }
        return Boolean.parseBoolean(lowerCase);
    }

    /** A number in [0, 1]. */
    double fraction(String name, double defaultValue) throws MessagingException {
        Optional<String> value = optional(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            double fraction = Double.parseDouble(value.get());
            if (fraction >= 0 && fraction <= 1) {
                return fraction;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(name, "a number between 0 and 1", value.get());
    }

    int nonNegativeInt(String name, int defaultValue) throws MessagingException {
        return parsed(name, String.valueOf(defaultValue), ValueParsers::nonNegativeInt, "a whole number, 0 or more");
    }

    /** A size such as {@code 512K} or {@code 2M}. */
    long size(String name, String defaultValue) throws MessagingException {
        return parsed(name, defaultValue, ValueParsers::positiveSize, "a positive size such as 512K or 2M");
    }

    /** A duration such as {@code 10 minutes} or {@code 7 days}; a bare number means seconds. */
    Duration duration(String name, String defaultValue) throws MessagingException {
        return parsed(name, defaultValue, ValueParsers::positiveDuration,
            "a positive duration such as 10 minutes or 7 days");
    }

    /** A duration for a parameter named {@code ...Millis}: a bare number means milliseconds, {@code 3s} works too. */
    Duration millis(String name, Duration defaultValue) throws MessagingException {
        return parsed(name, defaultValue.toMillis() + "ms", value -> ValueParsers.positiveDuration(value, ChronoUnit.MILLIS),
            "a positive number of milliseconds, or a duration such as 3s");
    }

    /** The value (or the default) read by {@code parser}, whose {@link RuntimeException} means it is invalid. */
    <T> T parsed(String name, String defaultValue, Function<String, T> parser, String expected)
            throws MessagingException {
        String value = optional(name).orElse(defaultValue);
        try {
            return parser.apply(value);
        } catch (RuntimeException e) {
            throw invalid(name, expected, value);
        }
    }

    MessagingException invalid(String name, String expected, String value) {
        return new MessagingException(mailet + ": '" + name + "' must be " + expected + ", got '" + value + "'");
    }
}
