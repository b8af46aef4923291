package org.hackablemail.bayes.tokenize;

import java.util.Locale;

/**
 * Splits text into lower-cased words and hands them, with a prefix naming where they came from, to a collector.
 * Tokens never contain white space, which the export format relies on.
 */
final class WordSplitter {
    private static final String PAIR_SEPARATOR = "~";

    private final TokenizerSettings settings;
    private final TokenCollector collector;

    WordSplitter(TokenizerSettings settings, TokenCollector collector) {
        this.settings = settings;
        this.collector = collector;
    }

    void split(String text, String prefix) {
        int end = Math.min(text.length(), settings.maxCharsPerPart());
        String previous = null;
        int position = 0;
        while (position < end && !collector.isFull()) {
            while (position < end && !isWordChar(text.charAt(position))) {
                position++;
            }
            int start = position;
            while (position < end && isWordChar(text.charAt(position))) {
                position++;
            }
            previous = emit(trimmed(text, start, position), prefix, previous);
        }
    }

    /** Emits one word, and its pair with the previous word; returns what the next word pairs with. */
    private String emit(String word, String prefix, String previous) {
        if (word.length() < settings.minTokenLength() || isNumber(word)) {
            return previous;
        }
        if (word.length() > settings.maxTokenLength()) {
            // SpamBayes' trick: long junk says something through its first letter and size, not its exact spelling.
            collector.add(prefix + "skip:" + word.charAt(0) + ":" + (word.length() / 10 * 10));
            return null;
        }
        String lowered = word.toLowerCase(Locale.ROOT);
        collector.add(prefix + lowered);
        if (settings.wordPairs() && previous != null) {
            collector.add(prefix + previous + PAIR_SEPARATOR + lowered);
        }
        return lowered;
    }

    private static String trimmed(String text, int start, int end) {
        while (start < end && isEdgePunctuation(text.charAt(start))) {
            start++;
        }
        while (end > start && isEdgePunctuation(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '$' || c == '\'' || c == '-' || c == '.' || c == '_' || c == '!';
    }

    private static boolean isEdgePunctuation(char c) {
        return c == '\'' || c == '-' || c == '.' || c == '_';
    }

    private static boolean isNumber(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (!Character.isDigit(c) && c != '.' && c != '-') {
                return false;
            }
        }
        return true;
    }
}
