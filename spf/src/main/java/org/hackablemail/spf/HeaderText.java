package org.hackablemail.spf;

import java.util.regex.Pattern;

/**
 * Makes untrusted text (HELO names, envelope senders, DNS data) safe inside a header field: no control character,
 * so never a CR or LF, survives, and values that are not atoms are quoted (RFC 5322 §3.2).
 */
final class HeaderText {
    private static final String ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]";
    private static final Pattern DOT_ATOM = Pattern.compile(ATEXT + "+(\\." + ATEXT + "+)*");
    private static final Pattern DOT_ATOM_ADDRESS = Pattern.compile(DOT_ATOM.pattern() + "@" + DOT_ATOM.pattern());
    private static final char REPLACEMENT = '?';
    private static final int MAX_PROBLEM_LENGTH = 200;

    private HeaderText() {
    }

    /** Replaces control characters (CR, LF, TAB, NUL, DEL...) so the text cannot end or fold the header line. */
    static String withoutControls(String text) {
        StringBuilder safe = new StringBuilder(text.length());
        text.codePoints().forEach(c -> safe.appendCodePoint(Character.isISOControl(c) ? REPLACEMENT : c));
        return safe.toString();
    }

    /** A dot-atom as is, anything else as a quoted-string. */
    static String atomOrQuoted(String text) {
        return DOT_ATOM.matcher(text).matches() ? text : quoted(text);
    }

    /** A dot-atom or an address of two dot-atoms as is, anything else as a quoted-string (RFC 8601 {@code pvalue}). */
    static String addressOrQuoted(String text) {
        return DOT_ATOM_ADDRESS.matcher(text).matches() ? text : atomOrQuoted(text);
    }

    static String quoted(String text) {
        return '"' + withoutControls(text).replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** A problem description, which may quote a whole DNS record, cut short enough for a header line. */
    static String problem(String text) {
        return quoted(text.length() <= MAX_PROBLEM_LENGTH ? text : text.substring(0, MAX_PROBLEM_LENGTH) + "...");
    }

    /** Text for inside a comment, where parentheses and backslashes must be escaped. */
    static String commentText(String text) {
        return withoutControls(text).replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)");
    }
}
