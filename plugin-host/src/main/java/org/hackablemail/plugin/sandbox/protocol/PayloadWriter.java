package org.hackablemail.plugin.sandbox.protocol;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/** Builds a frame's payload: integers big-endian, byte strings and text length-prefixed, absence as length -1. */
final class PayloadWriter {
    private final ByteArrayOutputStream bytes;
    private final DataOutputStream out;

    PayloadWriter() {
        this(32);
    }

    /** @param expectedBytes about what the payload will take: a large one is then written without regrowing */
    PayloadWriter(int expectedBytes) {
        this.bytes = new ByteArrayOutputStream(expectedBytes);
        this.out = new DataOutputStream(bytes);
    }

    PayloadWriter bool(boolean value) {
        return run(() -> out.writeBoolean(value));
    }

    PayloadWriter int32(int value) {
        return run(() -> out.writeInt(value));
    }

    PayloadWriter int64(long value) {
        return run(() -> out.writeLong(value));
    }

    PayloadWriter bytes(byte[] value) {
        return run(() -> {
            out.writeInt(value.length);
            out.write(value);
        });
    }

    PayloadWriter optionalBytes(Optional<byte[]> value) {
        return value.isPresent() ? bytes(value.get()) : int32(-1);
    }

    PayloadWriter text(String value) {
        return bytes(value.getBytes(StandardCharsets.UTF_8));
    }

    PayloadWriter optionalText(Optional<String> value) {
        return optionalBytes(value.map(text -> text.getBytes(StandardCharsets.UTF_8)));
    }

    PayloadWriter texts(Map<String, String> values) {
        int32(values.size());
        values.forEach((key, value) -> text(key).text(value));
        return this;
    }

    byte[] toBytes() {
        return bytes.toByteArray();
    }

    private PayloadWriter run(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Writing to memory cannot fail", e);
        }
        return this;
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }
}
