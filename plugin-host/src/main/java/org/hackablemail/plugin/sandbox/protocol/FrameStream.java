package org.hackablemail.plugin.sandbox.protocol;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/**
 * Frames over a pair of byte streams (a worker's standard input and output): {@code int length, byte type, long id,
 * payload}, the length counting type, id and payload. Writes are serialized and flushed frame by frame; reads come
 * from one thread. A frame larger than {@code maxFrameBytes} breaks the connection: it cannot be a real one.
 */
public final class FrameStream {
    private static final int HEADER_BYTES = Byte.BYTES + Long.BYTES;

    private final DataInputStream in;
    private final DataOutputStream out;
    private final int maxFrameBytes;

    public FrameStream(InputStream in, OutputStream out, int maxFrameBytes) {
        this.in = new DataInputStream(new BufferedInputStream(in, 64 * 1024));
        this.out = new DataOutputStream(new BufferedOutputStream(out, 64 * 1024));
        this.maxFrameBytes = maxFrameBytes;
    }

    /** The next frame; empty at the end of the stream (the other side is gone). */
    public Optional<Frame> read() throws IOException {
        int length;
        try {
            length = in.readInt();
        } catch (EOFException e) {
            return Optional.empty();
        }
        if (length < HEADER_BYTES || length > maxFrameBytes) {
            throw new ProtocolException("A frame of " + length + " bytes, not between " + HEADER_BYTES + " and "
                + maxFrameBytes);
        }
        try {
            FrameType type = FrameType.of(in.readByte());
            long id = in.readLong();
            byte[] payload = new byte[length - HEADER_BYTES];
            in.readFully(payload);
            return Optional.of(new Frame(type, id, payload));
        } catch (EOFException e) {
            throw new EOFException("The stream ends inside a frame of " + length + " bytes");
        }
    }

    public synchronized void write(Frame frame) throws IOException {
        out.writeInt(HEADER_BYTES + frame.payload().length);
        out.writeByte(frame.type().code());
        out.writeLong(frame.id());
        out.write(frame.payload());
        out.flush();
    }
}
