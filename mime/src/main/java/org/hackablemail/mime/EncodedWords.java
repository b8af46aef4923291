package org.hackablemail.mime;

import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;

/**
 * Decodes the RFC 2047 encoded words ({@code =?charset?B|Q?text?=}) of a header value in one pass. mime4j's
 * {@code DecoderUtil.decodeEncodedWords} searches the rest of the value for each {@code =?} it meets, which is
 * quadratic on a crafted field ({@code =?a?b?c} repeated); here each encoded word is found by a bounded scan and only
 * that word is handed to mime4j. White space between two encoded words is dropped, as the RFC says; a word in an
 * unknown charset is left as it is.
 */
final class EncodedWords {
    /** RFC 2047 caps a whole encoded word at 75 characters; real mail has long charset names only by mistake. */
    private static final int MAX_CHARSET_LENGTH = 64;

    private EncodedWords() {
    }

    static String decode(String value) {
        int start = value.indexOf("=?");
        if (start < 0) {
            return value;
        }
        StringBuilder decoded = new StringBuilder(value.length());
        int copied = 0;
        int afterLastWord = -1;
        while (start >= 0) {
            int end = endOfEncodedWord(value, start);
            if (end < 0) {
                start = value.indexOf("=?", start + 2);
                continue;
            }
            String word = value.substring(start, end);
            String text = DecoderUtil.decodeEncodedWords(word, DecodeMonitor.SILENT);
            boolean onlyWhiteSpaceBetween = afterLastWord == copied && value.substring(copied, start).isBlank();
            if (!onlyWhiteSpaceBetween || text.equals(word)) {
                decoded.append(value, copied, start);
            }
            decoded.append(text);
            copied = end;
            afterLastWord = text.equals(word) ? -1 : end;
            start = value.indexOf("=?", end);
        }
        return decoded.append(value, copied, value.length()).toString();
    }

    /**
     * The index after the encoded word starting at {@code start}, or -1. Encoded text holds no '?' and no white space,
     * so a failed scan never passes the next {@code =?}: each character is looked at a bounded number of times.
     */
    private static int endOfEncodedWord(String value, int start) {
        int charsetEnd = scanToken(value, start + 2, MAX_CHARSET_LENGTH);
        if (charsetEnd < 0 || charsetEnd == start + 2 || charsetEnd + 2 >= value.length()
            || value.charAt(charsetEnd) != '?' || "BbQq".indexOf(value.charAt(charsetEnd + 1)) < 0
            || value.charAt(charsetEnd + 2) != '?') {
            return -1;
        }
        int textEnd = scanToken(value, charsetEnd + 3, Integer.MAX_VALUE);
        if (textEnd < 0 || textEnd + 1 >= value.length() || value.charAt(textEnd) != '?'
            || value.charAt(textEnd + 1) != '=') {
            return -1;
        }
        return textEnd + 2;
    }

    /** The index of the first '?' or white space from {@code from}, if within {@code maxLength} characters; else -1. */
    private static int scanToken(String value, int from, int maxLength) {
        int limit = (int) Math.min(value.length(), (long) from + maxLength + 1);
        for (int i = from; i < limit; i++) {
            char c = value.charAt(i);
            if (c == '?') {
                return i;
            }
            if (Character.isWhitespace(c)) {
                return -1;
            }
        }
        return -1;
    }
}
