package org.hackablemail.spam;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.mail.MessagingException;
import javax.mail.Part;

/** The raw bytes of a message or a part, as the Bayesian filter reads them. */
public final class MessageBytes {
    private MessageBytes() {
    }

    /** The first {@code maxBytes} bytes of the part as it would be sent: header, blank line and body. */
    public static byte[] read(Part part, long maxBytes) throws MessagingException {
        CappedOutputStream out = new CappedOutputStream(maxBytes);
        try {
            part.writeTo(out);
        } catch (IOException e) {
            throw new MessagingException("Cannot read the message", e);
        }
        return out.toByteArray();
    }

    /** Keeps the first bytes written and drops the rest, so that a huge message costs no more memory than the cap. */
    private static final class CappedOutputStream extends ByteArrayOutputStream {
        private final long capacity;

        CappedOutputStream(long capacity) {
            this.capacity = capacity;
        }

        @Override
        public synchronized void write(int b) {
            if (count < capacity) {
                super.write(b);
            }
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            int kept = (int) Math.min(length, Math.max(0, capacity - count));
            super.write(bytes, offset, kept);
        }
    }
}
