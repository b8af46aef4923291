package org.hackablemail.mime;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.apache.james.mime4j.util.CharsetUtil;

/**
 * The text of a part's decoded bytes. A known charset decodes them, each invalid sequence becoming U+FFFD (and
 * counted); text with no charset, US-ASCII or an unknown one is read as UTF-8 when its bytes are valid UTF-8, else as
 * ISO-8859-1, which maps every byte to a character and so never loses one.
 */
final class TextDecoding {
    private static final char REPLACEMENT = '\uFFFD';

    /** The text, and the problem met reading it, if any. */
    record Decoded(String text, Optional<String> unknownCharset, int malformedSequences) {
    }

    private TextDecoding() {
    }

    static Decoded decode(byte[] bytes, int length, String declaredCharset) {
        Charset declared = declaredCharset == null ? null : CharsetUtil.lookup(declaredCharset.trim());
        Optional<String> unknown = declaredCharset != null && declared == null
            ? Optional.of(declaredCharset) : Optional.empty();
        if (declared == null || declared.equals(StandardCharsets.US_ASCII)) {
            Charset fallback = Utf8Bytes.isUtf8(bytes, length) ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
            return new Decoded(new String(bytes, 0, length, fallback), unknown, 0);
        }
        if (declared.equals(StandardCharsets.ISO_8859_1)
            || declared.equals(StandardCharsets.UTF_8) && Utf8Bytes.isUtf8(bytes, length)) {
            return new Decoded(new String(bytes, 0, length, declared), Optional.empty(), 0);
        }
        return decodeReplacing(bytes, length, declared);
    }

    /** Decodes in one pass, replacing and counting each malformed or unmappable sequence. */
    private static Decoded decodeReplacing(byte[] bytes, int length, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
        CharBuffer out = CharBuffer.allocate(Math.max(16, (int) Math.min(Integer.MAX_VALUE - 16L,
            (long) Math.ceil(length * (double) decoder.maxCharsPerByte()))));
        int malformed = 0;
        CoderResult result;
        while (!(result = decoder.decode(in, out, true)).isUnderflow()) {
            if (result.isOverflow()) {
                out = ensureRoom(out, out.capacity());
            } else {
                malformed++;
                in.position(in.position() + result.length());
                out = ensureRoom(out, 1);
                out.put(REPLACEMENT);
            }
        }
        while (decoder.flush(out).isOverflow()) {
            out = ensureRoom(out, out.capacity());
        }
        out.flip();
        return new Decoded(out.toString(), Optional.empty(), malformed);
    }

    private static CharBuffer ensureRoom(CharBuffer buffer, int room) {
        if (buffer.remaining() >= room) {
            return buffer;
        }
        CharBuffer larger = CharBuffer.allocate(buffer.capacity() + Math.max(room, buffer.capacity()));
        buffer.flip();
        return larger.put(buffer);
    }
}
