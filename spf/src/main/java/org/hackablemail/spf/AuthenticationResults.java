package org.hackablemail.spf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An {@code Authentication-Results} field (RFC 8601) as read from a message: the authserv-id of the server that wrote
 * it and its results, e.g. {@code spf=pass smtp.mailfrom=alice@example.com}. Comments are ignored; methods, results
 * and property names are lower-cased. Reading never throws: what cannot be read is left out.
 */
public record AuthenticationResults(String authservId, List<Result> results) {

    /** One {@code resinfo}: {@code method=result} and its properties, e.g. {@code smtp.mailfrom} → the address. */
    public record Result(String method, String result, Map<String, String> properties) {
    }

    /** @return empty when the value has no authserv-id */
    public static Optional<AuthenticationResults> parse(String headerValue) {
        List<String> parts = splitOnSemicolons(withoutComments(headerValue));
        List<String> head = words(parts.get(0));
        if (head.isEmpty()) {
            return Optional.empty();
        }
        List<Result> results = new ArrayList<>();
        for (String part : parts.subList(1, parts.size())) {
            result(words(part)).ifPresent(results::add);
        }
        return Optional.of(new AuthenticationResults(unquoted(head.get(0)), List.copyOf(results)));
    }

    /** Whether it says SPF passed for the MAIL FROM identity {@code envelopeSender} (the address, or its domain). */
    public boolean spfPassedFor(String envelopeSender) {
        String sender = envelopeSender.toLowerCase(Locale.ROOT);
        String domain = sender.substring(sender.lastIndexOf('@') + 1);
        return results.stream()
            .filter(result -> result.method().equals("spf") && result.result().equals("pass"))
            .map(result -> result.properties().get("smtp.mailfrom"))
            .filter(mailFrom -> mailFrom != null)
            .map(mailFrom -> mailFrom.toLowerCase(Locale.ROOT))
            .anyMatch(mailFrom -> mailFrom.equals(sender) || mailFrom.equals(domain) || mailFrom.equals("@" + domain));
    }

    private static Optional<Result> result(List<String> words) {
        if (words.isEmpty()) {
            return Optional.empty();
        }
        String[] methodSpec = words.get(0).split("=", 2);
        if (methodSpec.length != 2 || methodSpec[0].isEmpty() || methodSpec[1].isEmpty()) {
            return Optional.empty();
        }
        String method = methodSpec[0].toLowerCase(Locale.ROOT);
        int version = method.indexOf('/');
        Map<String, String> properties = new LinkedHashMap<>();
        for (String word : words.subList(1, words.size())) {
            String[] property = word.split("=", 2);
            if (property.length == 2 && !property[0].isEmpty()) {
                properties.putIfAbsent(property[0].toLowerCase(Locale.ROOT), unquoted(property[1]));
            }
        }
        return Optional.of(new Result(version < 0 ? method : method.substring(0, version),
            methodSpec[1].toLowerCase(Locale.ROOT), Map.copyOf(properties)));
    }

    /** Drops comments, which may nest and hold quoted pairs; quoted strings are kept as they are. */
    private static String withoutComments(String value) {
        StringBuilder kept = new StringBuilder(value.length());
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && (quoted || depth > 0) && i + 1 < value.length()) {
                if (depth == 0) {
                    kept.append(c).append(value.charAt(i + 1));
                }
                i++;
            } else if (depth == 0 && c == '"') {
                quoted = !quoted;
                kept.append(c);
            } else if (!quoted && c == '(') {
                depth++;
                kept.append(' ');
            } else if (!quoted && c == ')' && depth > 0) {
                depth--;
            } else if (depth == 0) {
                kept.append(c);
            }
        }
        return kept.toString();
    }

    private static List<String> splitOnSemicolons(String value) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ';' && !quoted) {
                parts.add(value.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(value.substring(start));
        return parts;
    }

    /**
     * The white-space separated words of a part, outside quoted strings, with the white space that RFC 8601 allows
     * around {@code =}, {@code .} and {@code /} taken out first, so that {@code smtp . mailfrom = x} is one word.
     */
    private static List<String> words(String part) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        String text = part.trim();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                word.append(c);
                if (c == '\\' && i + 1 < text.length()) {
                    word.append(text.charAt(++i));
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
                word.append(c);
            } else if (Character.isWhitespace(c)) {
                if (joinsNext(text, i) || endsWithJoiner(word)) {
                    continue;
                }
                flush(word, words);
            } else {
                word.append(c);
            }
        }
        flush(word, words);
        return words;
    }

    private static boolean joinsNext(String text, int whitespace) {
        int next = whitespace;
        while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
            next++;
        }
        return next < text.length() && isJoiner(text.charAt(next));
    }

    private static boolean endsWithJoiner(StringBuilder word) {
        return word.length() > 0 && isJoiner(word.charAt(word.length() - 1));
    }

    private static boolean isJoiner(char c) {
        return c == '=' || c == '.' || c == '/';
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (word.length() > 0) {
            words.add(word.toString());
            word.setLength(0);
        }
    }

    private static String unquoted(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1).replaceAll("\\\\(.)", "$1");
        }
        return value;
    }
}
