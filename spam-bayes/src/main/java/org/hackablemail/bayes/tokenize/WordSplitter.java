package org.hackablemail.bayes.tokenize;

/**
 * Splits text into words and hands them, with a prefix naming where they came from, to a collector. Words keep their
 * case, as bogofilter's do: "FREE" and "Free" say more than "free", and on the temporal split of the benchmark keeping
 * case ranks better (docs/bayes.md). Tokens never contain white space, which the export format relies on.
 * <p>
 * This is the tokenizer's innermost loop, run over every character of every text part, so each token is built once in
 * a reused buffer (prefix, then the word) instead of going through a substring and a concatenation.
 */
final class WordSplitter {
    private static final String PAIR_SEPARATOR = "~";
    private static final String WORD_PUNCTUATION = "$'-._!";
    private static final char ASCII_LIMIT = 128;
    /** {@link #isWordChar} of every ASCII character, looked up rather than asked of {@link Character} each time. */
    private static final boolean[] ASCII_WORD_CHARS = new boolean[ASCII_LIMIT];

    static {
        for (char c = 0; c < ASCII_LIMIT; c++) {
            ASCII_WORD_CHARS[c] = Character.isLetterOrDigit(c) || WORD_PUNCTUATION.indexOf(c) >= 0;
        }
    }

    private final TokenizerSettings settings;
    private final TokenCollector collector;
    private final StringBuilder token = new StringBuilder(64);

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
            previous = emit(text, start, position, prefix, previous);
        }
    }

    /**
     * Emits the word {@code text[start, end)} without its edge punctuation, and its pair with the previous word; returns
     * what the next word pairs with.
     */
    private String emit(String text, int start, int end, String prefix, String previous) {
        while (start < end && isEdgePunctuation(text.charAt(start))) {
            start++;
        }
        while (end > start && isEdgePunctuation(text.charAt(end - 1))) {
            end--;
        }
        int length = end - start;
        if (length < settings.minTokenLength() || isNumber(text, start, end)) {
            return previous;
        }
        token.setLength(0);
        token.append(prefix);
        if (length > settings.maxTokenLength()) {
            // SpamBayes' trick: long junk says something through its first letter and size, not its exact spelling.
            collector.add(token.append("skip:").append(text.charAt(start)).append(':').append(length / 10 * 10).toString());
            return null;
        }
        token.append(text, start, end);
        collector.add(token.toString());
        if (!settings.wordPairs()) {
            return null;
        }
        String word = token.substring(prefix.length());
        if (previous != null) {
            collector.add(prefix + previous + PAIR_SEPARATOR + word);
        }
        return word;
    }

    private static boolean isWordChar(char c) {
        return c < ASCII_LIMIT ? ASCII_WORD_CHARS[c] : Character.isLetterOrDigit(c);
    }

    private static boolean isEdgePunctuation(char c) {
        return c == '\'' || c == '-' || c == '.' || c == '_';
    }

    private static boolean isNumber(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (!Character.isDigit(c) && c != '.' && c != '-') {
                return false;
            }
        }
        return true;
    }
}
