package org.hackablemail.mime;

import java.util.Objects;

import org.apache.james.mime4j.stream.RawField;
import org.apache.james.mime4j.util.MimeUtil;

/**
 * One header field. Its value is worked out when first asked: most fields of a message are only ever looked at by
 * name, and decoding every one of them was the largest cost of reading a message.
 */
public final class HeaderField {
    private final String name;
    private final RawField source;
    private final String givenValue;
    private final int maxChars;
    private String raw;
    private String value;

    private HeaderField(String name, RawField source, String givenValue, int maxChars) {
        this.name = Objects.requireNonNull(name, "name");
        this.source = source;
        this.givenValue = givenValue;
        this.maxChars = maxChars;
    }

    /**
     * The field of this name and raw value, folded or not, its value cut at {@code maxChars} characters before
     * anything else is done with it.
     */
    public static HeaderField of(String name, String rawValue, int maxChars) {
        return new HeaderField(name, null, rawValue == null ? "" : rawValue, maxChars);
    }

    static HeaderField of(RawField field, int maxChars) {
        return new HeaderField(field.getName(), field, null, maxChars);
    }

    /** The field name as written. */
    public String name() {
        return name;
    }

    /**
     * The value unfolded but not decoded, one character per byte (as mime4j and JavaMail read header bytes), cut at the
     * limit.
     */
    public String raw() {
        String result = raw;
        if (result == null) {
            String body = source != null ? source.getBody() : givenValue;
            result = MimeUtil.unfold(body == null ? "" : body.length() <= maxChars ? body : body.substring(0, maxChars));
            raw = result;
        }
        return result;
    }

    /**
     * The value for people: bytes that form UTF-8 read as UTF-8 (RFC 6532), RFC 2047 encoded words decoded, trimmed.
     */
    public String value() {
        String result = value;
        if (result == null) {
            result = EncodedWords.decode(Utf8Bytes.decodeIfUtf8(raw())).strip();
            value = result;
        }
        return result;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HeaderField field && name.equals(field.name) && raw().equals(field.raw());
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, raw());
    }

    @Override
    public String toString() {
        return name + ": " + raw();
    }
}
