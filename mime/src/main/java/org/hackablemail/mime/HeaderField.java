package org.hackablemail.mime;

import java.util.Objects;

import org.apache.james.mime4j.util.MimeUtil;

/**
 * One header field.
 *
 * @param name  the field name as written
 * @param raw   the value unfolded but not decoded, one character per byte (as mime4j and JavaMail read header bytes),
 *              cut at the limit
 * @param value the value for people: bytes that form UTF-8 read as UTF-8 (RFC 6532), RFC 2047 encoded words decoded,
 *              trimmed
 */
public record HeaderField(String name, String raw, String value) {

    public HeaderField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(value, "value");
    }

    /**
     * The field of this name and raw value, folded or not, its value cut at {@code maxChars} characters before anything
     * else is done with it.
     */
    public static HeaderField of(String name, String rawValue, int maxChars) {
        String raw = MimeUtil.unfold(cut(rawValue == null ? "" : rawValue, maxChars));
        return new HeaderField(name, raw, EncodedWords.decode(Utf8Bytes.decodeIfUtf8(raw)).strip());
    }

    /** Whether a field of this length is cut by {@link #of}. */
    static boolean isCut(String rawValue, int maxChars) {
        return rawValue != null && rawValue.length() > maxChars;
    }

    private static String cut(String value, int maxChars) {
        return value.length() <= maxChars ? value : value.substring(0, maxChars);
    }
}
