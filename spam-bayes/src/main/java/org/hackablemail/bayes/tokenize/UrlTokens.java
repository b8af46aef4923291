package org.hackablemail.bayes.tokenize;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns the hosts of http, https and ftp URLs into {@code url:} tokens: the host and each parent domain, or
 * {@code url:ip} for a bare address. Scans for {@code ://} by hand: a regular expression testing every position of
 * every part was the tokenizer's largest cost.
 */
final class UrlTokens {
    private static final Pattern IP_ADDRESS = Pattern.compile("\\d{1,3}(?:\\.\\d{1,3}){3}");
    private static final String PREFIX = "url:";
    private static final String HOST_TERMINATORS = "/:?#\"'<>\\";

    private final TokenCollector collector;
    private final int maxChars;

    UrlTokens(TokenCollector collector, int maxChars) {
        this.collector = collector;
        this.maxChars = maxChars;
    }

    /** Finds every URL in the text. */
    void scan(String text) {
        scan(text, 0, text.length());
    }

    /** Finds every URL in {@code text[start, end)}, e.g. the attributes of one HTML tag, without copying it out. */
    void scan(String text, int start, int end) {
        int limit = start + Math.min(end - start, maxChars);
        for (int separator = text.indexOf("://", start); separator >= 0 && separator < limit && !collector.isFull();
             separator = text.indexOf("://", separator + 3)) {
            if (hasWebScheme(text, start, separator)) {
                String host = hostAt(text, separator + 3, limit);
                if (!host.isEmpty()) {
                    addHost(host.toLowerCase(Locale.ROOT));
                }
            }
        }
    }

    private static boolean hasWebScheme(String text, int start, int separator) {
        return schemeIs("http", text, start, separator)
            || schemeIs("https", text, start, separator)
            || schemeIs("ftp", text, start, separator);
    }

    private static boolean schemeIs(String scheme, String text, int start, int separator) {
        int from = separator - scheme.length();
        return from >= start && text.regionMatches(true, from, scheme, 0, scheme.length());
    }

    /** The authority's host: up to the first path, port, query or quoting character, without any user info. */
    private static String hostAt(String text, int start, int end) {
        int position = start;
        while (position < end && !Character.isWhitespace(text.charAt(position))
            && HOST_TERMINATORS.indexOf(text.charAt(position)) < 0) {
            position++;
        }
        String authority = text.substring(start, position);
        return authority.substring(authority.lastIndexOf('@') + 1);
    }

    private void addHost(String host) {
        if (IP_ADDRESS.matcher(host).matches()) {
            collector.add(PREFIX + "ip");
            return;
        }
        String domain = host;
        int dot = domain.indexOf('.');
        while (dot > 0 && domain.indexOf('.', dot + 1) > 0) {
            collector.add(PREFIX + domain);
            domain = domain.substring(dot + 1);
            dot = domain.indexOf('.');
        }
        collector.add(PREFIX + domain);
    }
}
