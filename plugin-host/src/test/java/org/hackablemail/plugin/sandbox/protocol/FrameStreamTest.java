package org.hackablemail.plugin.sandbox.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Frames on the wire between James and a worker, and what a peer gone wrong could send instead. */
class FrameStreamTest {
    /** The cap both sides use. */
    private static final int MAX_FRAME_BYTES = 128 * 1024 * 1024;
    private static final int HEADER_BYTES = 9;

    @Test
    void shouldReadBackFramesAsWrittenThenTheEndOfTheStream() throws IOException {
        byte[] payload = "a payload".getBytes(StandardCharsets.UTF_8);
        byte[] wire = written(new Frame(FrameType.CALL, Long.MAX_VALUE, payload), Frame.of(FrameType.READY, 0));

        FrameStream frames = reading(new ByteArrayInputStream(wire));

        Frame call = frames.read().orElseThrow();
        assertThat(call.type()).isEqualTo(FrameType.CALL);
        assertThat(call.id()).isEqualTo(Long.MAX_VALUE);
        assertThat(call.payload()).isEqualTo(payload);
        Frame ready = frames.read().orElseThrow();
        assertThat(ready.type()).isEqualTo(FrameType.READY);
        assertThat(ready.payload()).isEmpty();
        assertThat(frames.read()).isEmpty();
    }

    @Test
    void shouldRefuseALengthPrefixOutsideTheFrameBoundsBeforeReadingFurther() {
        for (int length : new int[] {-1, Integer.MIN_VALUE, 0, HEADER_BYTES - 1, MAX_FRAME_BYTES + 1, Integer.MAX_VALUE}) {
            CountingInput in = new CountingInput(ByteBuffer.allocate(64).putInt(length).array());

            assertThatThrownBy(() -> reading(in).read()).as("length %d", length)
                .isInstanceOf(ProtocolException.class)
                .hasMessage("A frame of " + length + " bytes, not between 9 and " + MAX_FRAME_BYTES);
            assertThat(in.taken).as("bytes taken after a length of %d", length).isEqualTo(Integer.BYTES);
        }
    }

    @Test
    void shouldSayWhichFrameTheStreamEndsInsideWhenTruncated() throws IOException {
        byte[] wire = written(new Frame(FrameType.OUTCOME, 7, new byte[100]));

        for (int cut : new int[] {Integer.BYTES, Integer.BYTES + 1, Integer.BYTES + HEADER_BYTES, wire.length - 1}) {
            FrameStream frames = reading(new ByteArrayInputStream(Arrays.copyOf(wire, cut)));
            assertThatThrownBy(frames::read).as("cut at %d", cut)
                .isInstanceOf(EOFException.class).hasMessage("The stream ends inside a frame of 109 bytes");
        }
    }

    @Test
    void shouldEndCleanlyWhenTheStreamEndsWithinALengthPrefix() throws IOException {
        assertThat(reading(new ByteArrayInputStream(new byte[] {0, 0})).read()).isEmpty();
    }

    @Test
    void shouldRefuseAnUnknownFrameType() {
        byte[] wire = ByteBuffer.allocate(4 + HEADER_BYTES).putInt(HEADER_BYTES).put((byte) 99).putLong(1).array();

        assertThatThrownBy(() -> reading(new ByteArrayInputStream(wire)).read())
            .isInstanceOf(ProtocolException.class).hasMessage("Unknown frame type 99");
    }

    private static byte[] written(Frame... frames) throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        FrameStream stream = new FrameStream(InputStream.nullInputStream(), wire, MAX_FRAME_BYTES);
        for (Frame frame : frames) {
            stream.write(frame);
        }
        return wire.toByteArray();
    }

    private static FrameStream reading(InputStream in) {
        return new FrameStream(in, new ByteArrayOutputStream(), MAX_FRAME_BYTES);
    }

    /** Counts what the reader took from the wire (its buffer reads ahead, so the wire gives the prefix alone first). */
    private static final class CountingInput extends InputStream {
        private final byte[] bytes;
        private int taken;

        CountingInput(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read() {
            return taken < bytes.length ? bytes[taken++] & 0xff : -1;
        }

        @Override
        public int read(byte[] into, int offset, int length) {
            if (taken >= bytes.length) {
                return -1;
            }
            // A length prefix first, then whatever is asked: so what the reader takes is what it asked for.
            int count = Math.min(taken < Integer.BYTES ? Integer.BYTES - taken : length, Math.min(length, bytes.length - taken));
            System.arraycopy(bytes, taken, into, offset, count);
            taken += count;
            return count;
        }
    }
}
