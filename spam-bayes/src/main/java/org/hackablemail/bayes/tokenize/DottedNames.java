package org.hackablemail.bayes.tokenize;

import java.util.ArrayList;
import java.util.List;

/**
 * The dotted names of a header value, host names and IPv4 addresses alike ({@code from mx.example.org ([192.0.2.1])}):
 * the matches of the regular expression {@code (?i)\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)+\b}, found by hand. Received
 * fields are long and come several to a message, and that expression, tried at every position of them, cost more than
 * all the rest of header tokenizing.
 * <p>
 * Header values come from mime4j one character per byte, so {@link Character#isLetterOrDigit} and {@code _} are what
 * {@code \b} takes for word characters (Latin-1 has no combining marks, the one other case of {@code \b}).
 */
final class DottedNames {
    private DottedNames() {
    }

    static List<String> in(String value) {
        List<String> names = new ArrayList<>();
        int position = 0;
        while (position < value.length()) {
            int end = startsName(value, position) ? endOfName(value, position) : -1;
            if (end > 0) {
                names.add(value.substring(position, end));
                position = end;
            } else {
                position++;
            }
        }
        return names;
    }

    /** A name starts with a letter or digit at a word boundary. */
    private static boolean startsName(String value, int position) {
        return isAlphanumeric(value.charAt(position)) && (position == 0 || !isWordChar(value.charAt(position - 1)));
    }

    /**
     * Where the name starting at {@code start} ends, or -1 if it has no dot. The first label runs to the first character
     * that is not a letter, digit or hyphen; then come as many {@code .label} as follow. The name ends at the last word
     * boundary after its first dot, which is where the regular expression's backtracking stops.
     */
    private static int endOfName(String value, int start) {
        int position = start + 1;
        while (position < value.length() && isLabelChar(value.charAt(position))) {
            position++;
        }
        int end = -1;
        while (position + 1 < value.length() && value.charAt(position) == '.' && isLabelChar(value.charAt(position + 1))) {
            position++;
            while (position < value.length() && isLabelChar(value.charAt(position))) {
                position++;
                if (isWordBoundary(value, position)) {
                    end = position;
                }
            }
        }
        return end;
    }

    private static boolean isWordBoundary(String value, int position) {
        boolean wordBefore = isWordChar(value.charAt(position - 1));
        boolean wordAfter = position < value.length() && isWordChar(value.charAt(position));
        return wordBefore != wordAfter;
    }

    private static boolean isWordChar(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }

    private static boolean isLabelChar(char c) {
        return isAlphanumeric(c) || c == '-';
    }

    private static boolean isAlphanumeric(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }
}
