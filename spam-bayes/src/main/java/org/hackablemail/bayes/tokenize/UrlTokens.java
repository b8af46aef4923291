package org.hackablemail.bayes.tokenize;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the hosts of URLs into {@code url:} tokens: the host and each parent domain, or {@code url:ip} for a bare address. */
final class UrlTokens {
    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?|ftp)://(?:[^\\s/@?#\"'<>]*@)?([^\\s/:?#\"'<>\\\\]+)");
    private static final Pattern IP_ADDRESS = Pattern.compile("\\d{1,3}(?:\\.\\d{1,3}){3}");
    private static final String PREFIX = "url:";

    private final TokenCollector collector;
    private final int maxChars;

    UrlTokens(TokenCollector collector, int maxChars) {
        this.collector = collector;
        this.maxChars = maxChars;
    }

    /** Finds every URL in the text, or in one attribute value. */
    void scan(String text) {
        Matcher matcher = URL.matcher(text);
        matcher.region(0, Math.min(text.length(), maxChars));
        while (matcher.find() && !collector.isFull()) {
            addHost(matcher.group(1).toLowerCase(Locale.ROOT));
        }
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
