package org.hackablemail.mime;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** The first bytes of a stream, up to a bound, in an array that grows only as the stream turns out longer. */
record BoundedBytes(byte[] bytes, int length) {
    private static final int INITIAL = 8_192;

    static BoundedBytes read(InputStream in, int max) throws IOException {
        byte[] bytes = new byte[Math.min(max, INITIAL)];
        int length = 0;
        while (length < max) {
            if (length == bytes.length) {
                bytes = Arrays.copyOf(bytes, (int) Math.min(max, 2L * length));
            }
            int read = in.read(bytes, length, bytes.length - length);
            if (read < 0) {
                break;
            }
            length += read;
        }
        return new BoundedBytes(bytes, length);
    }
}
