package org.hackablemail.core;

/**
 * Text from a message or a plugin made safe to write to a log or a terminal: it stays on one line and cannot move
 * the cursor, change colours or reorder what follows. Line breaks and tabs become {@code \n}, {@code \r},
 * {@code \t}; other control characters (C0, DEL, C1, so ANSI escape sequences) and the Unicode bidirectional
 * overrides and isolates become {@code \}{@code uXXXX}; a backslash is doubled, so the escaped form is unambiguous.
 */
public final class PrintableText {
    private PrintableText() {
    }

    public static String of(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder printable = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escaped = escape(c);
            if (escaped != null && printable == null) {
                printable = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (printable != null) {
                if (escaped != null) {
                    printable.append(escaped);
                } else {
                    printable.append(c);
                }
            }
        }
        return printable == null ? text : printable.toString();
    }

    private static String escape(char c) {
        return switch (c) {
            case '\\' -> "\\\\";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> Character.isISOControl(c) || isBidiControl(c) ? String.format("\\u%04x", (int) c) : null;
        };
    }

    /** LRE, RLE, PDF, LRO, RLO and the isolates LRI, RLI, FSI, PDI: they reorder the text displayed after them. */
    private static boolean isBidiControl(char c) {
        return c >= '\u202a' && c <= '\u202e' || c >= '\u2066' && c <= '\u2069';
    }
}
