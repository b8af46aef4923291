package org.hackablemail.mailets;

import java.time.Duration;
import java.util.Optional;

import javax.mail.MessagingException;

import org.apache.mailet.MailetConfig;
import org.hackablemail.config.ValueParsers;

/** Reads and validates the parameters of one mailet; every mistake is a {@link MessagingException} naming it. */
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

    boolean bool(String name, boolean defaultValue) throws MessagingException {
        Optional<String> value = optional(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        if (!value.get().equals("true") && !value.get().equals("false")) {
            throw invalid(name, "true or false", value.get());
        }
        return Boolean.parseBoolean(value.get());
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

    /** A size such as {@code 512K} or {@code 2M}. */
    long size(String name, String defaultValue) throws MessagingException {
        String value = optional(name).orElse(defaultValue);
        try {
            return ValueParsers.positiveSize(value);
        } catch (IllegalArgumentException e) {
            throw invalid(name, "a positive size such as 512K or 2M", value);
        }
    }

    /** A duration such as {@code 10 minutes} or {@code 7 days}. */
    Duration duration(String name, String defaultValue) throws MessagingException {
        String value = optional(name).orElse(defaultValue);
        try {
            return ValueParsers.positiveDuration(value);
        } catch (IllegalArgumentException e) {
            throw invalid(name, "a positive duration such as 10 minutes or 7 days", value);
        }
    }

    MessagingException invalid(String name, String expected, String value) {
        return new MessagingException(mailet + ": '" + name + "' must be " + expected + ", got '" + value + "'");
    }
}
