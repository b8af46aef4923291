package org.hackablemail.mime;

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

    /** Whether the first {@code length} bytes are well-formed UTF-8 (no overlongs, surrogates or code points past U+10FFFF). */
    static boolean isUtf8(byte[] bytes, int length) {
        int i = 0;
        while (i < length) {
            int b = bytes[i] & 0xff;
            if (b < 0x80) {
                i++;
                continue;
            }
            int extra;
            int min;
            if (b >= 0xc2 && b <= 0xdf) {
                extra = 1;
                min = 0x80;
            } else if (b >= 0xe0 && b <= 0xef) {
                extra = 2;
                min = 0x800;
            } else if (b >= 0xf0 && b <= 0xf4) {
                extra = 3;
                min = 0x10000;
            } else {
                return false;
            }
            int codePoint = b & (0x3f >> extra);
            for (int k = 1; k <= extra; k++) {
                if (i + k >= length || (bytes[i + k] & 0xc0) != 0x80) {
                    return false;
                }
                codePoint = codePoint << 6 | bytes[i + k] & 0x3f;
            }
            if (codePoint < min || codePoint > 0x10ffff || codePoint >= 0xd800 && codePoint <= 0xdfff) {
                return false;
            }
            i += extra + 1;
        }
        return true;
    }
}
