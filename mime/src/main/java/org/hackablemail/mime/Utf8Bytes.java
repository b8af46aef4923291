package org.hackablemail.mime;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Text whose bytes were read one character per byte, read again as UTF-8 when they form UTF-8. */
final class Utf8Bytes {
    private Utf8Bytes() {
    }

    /**
     * The same text when it is ASCII, holds characters beyond one byte, or is not valid UTF-8; else its bytes decoded
     * as UTF-8. Raw UTF-8 in header fields is RFC 6532; in bodies it is what undeclared 8-bit text mostly is today.
     */
    static String decodeIfUtf8(String oneCharPerByte) {
        boolean eightBit = false;
        for (int i = 0; i < oneCharPerByte.length(); i++) {
            char c = oneCharPerByte.charAt(i);
            if (c > 0xff) {
                return oneCharPerByte;
            }
            eightBit |= c >= 0x80;
        }
        if (!eightBit) {
            return oneCharPerByte;
        }
        byte[] bytes = oneCharPerByte.getBytes(StandardCharsets.ISO_8859_1);
        return isUtf8(bytes, bytes.length) ? new String(bytes, StandardCharsets.UTF_8) : oneCharPerByte;
    }

    /** Whether the first {@code length} bytes are well-formed UTF-8. */
    static boolean isUtf8(byte[] bytes, int length) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, 0, length));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
