package org.hackablemail.mime;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The message as read from its source: counts bytes, and remembers a failure of the source itself, which is not a
 * problem of the message and must reach the caller (mime4j would report it like any parse error).
 */
final class SourceStream extends FilterInputStream {
    private long count;
    private IOException failure;

    SourceStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        try {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        try {
            int read = super.read(buffer, offset, length);
            if (read > 0) {
                count += read;
            }
            return read;
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buffer = new byte[(int) Math.min(n, 8_192)];
        return Math.max(0, read(buffer, 0, buffer.length));
    }

    long count() {
        return count;
    }

    void rethrowFailure() throws IOException {
        if (failure != null) {
            throw failure;
        }
    }

    /** Reads what the parser left, so that {@link #count()} is the message's size. */
    void drain(byte[] buffer) throws IOException {
        while (read(buffer, 0, buffer.length) >= 0) {
            // counting
        }
    }
}
