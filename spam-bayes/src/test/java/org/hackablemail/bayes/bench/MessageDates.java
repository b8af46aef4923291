package org.hackablemail.bayes.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a message arrived: the date of its first {@code Received} field (the one the receiving server added last), or,
 * for a message without one, its {@code Date} field. For the benchmark's temporal split.
 */
final class MessageDates {
    private static final Pattern FOLD = Pattern.compile("\\r?\\n[ \\t]+");
    private static final Pattern FIELD = Pattern.compile("^(Received|Date):(.*)$", Pattern.MULTILINE | Pattern.CASE_INSENSITIVE);
    private static final Pattern COMMENT = Pattern.compile("\\([^)]*\\)");
    private static final DateTimeFormatter RFC_5322 = DateTimeFormatter.ofPattern("[EEE, ]d MMM yyyy HH:mm[:ss] Z", Locale.ROOT);

    private MessageDates() {
    }

    static Optional<Instant> arrival(byte[] message) {
        String header = headerOf(message);
        Optional<Instant> date = Optional.empty();
        Matcher field = FIELD.matcher(header);
        while (field.find()) {
            boolean received = field.group(1).equalsIgnoreCase("Received");
            String value = received ? afterLastSemicolon(field.group(2)) : field.group(2);
            Optional<Instant> parsed = parse(value);
            if (received && parsed.isPresent()) {
                return parsed;
            }
            if (!received && date.isEmpty()) {
                date = parsed;
            }
        }
        return date;
    }

    private static String headerOf(byte[] message) {
        String text = new String(message, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\n\n");
        int crlf = text.indexOf("\r\n\r\n");
        if (crlf >= 0 && (end < 0 || crlf < end)) {
            end = crlf;
        }
        return FOLD.matcher(end < 0 ? text : text.substring(0, end)).replaceAll(" ");
    }

    private static String afterLastSemicolon(String value) {
        int semicolon = value.lastIndexOf(';');
        return semicolon < 0 ? "" : value.substring(semicolon + 1);
    }

    static Optional<Instant> parse(String value) {
        String cleaned = COMMENT.matcher(value).replaceAll(" ").trim().replaceAll("\\s+", " ");
        try {
            return Optional.of(ZonedDateTime.parse(cleaned, RFC_5322).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
