package org.hackablemail.plugin.sandbox.protocol;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Reads what {@link PayloadWriter} wrote; anything else is a {@link ProtocolException}. */
final class PayloadReader {
    private final ByteBuffer buffer;

    PayloadReader(byte[] payload) {
        this.buffer = ByteBuffer.wrap(payload);
    }

    boolean bool() {
        byte value = guarded(buffer::get);
        if (value != 0 && value != 1) {
            throw new ProtocolException("A boolean of " + value);
        }
        return value == 1;
    }

    int int32() {
        return guarded(buffer::getInt);
    }

    long int64() {
        return guarded(buffer::getLong);
    }

    /**
     * How many entries follow. Each takes four bytes at least (a length), so a count the payload cannot hold is refused
     * before anything is read for it.
     */
    int count() {
        int count = int32();
        if (count < 0 || count > buffer.remaining() / Integer.BYTES) {
            throw new ProtocolException("A count of " + count + " in " + buffer.remaining() + " bytes");
        }
        return count;
    }

    byte[] bytes() {
        return optionalBytes().orElseThrow(() -> new ProtocolException("A required value is absent"));
    }

    Optional<byte[]> optionalBytes() {
        int length = int32();
        if (length == -1) {
            return Optional.empty();
        }
        if (length < 0 || length > buffer.remaining()) {
            throw new ProtocolException("A value of " + length + " bytes in " + buffer.remaining());
        }
        byte[] value = new byte[length];
        buffer.get(value);
        return Optional.of(value);
    }

    String text() {
        return new String(bytes(), StandardCharsets.UTF_8);
    }

    Optional<String> optionalText() {
        return optionalBytes().map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    Map<String, String> texts() {
        int count = count();
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            values.put(text(), text());
        }
        return values;
    }

    /** Every byte must have been read: a longer payload is not what the reader expects. */
    void end() {
        if (buffer.hasRemaining()) {
            throw new ProtocolException(buffer.remaining() + " bytes too many in a payload");
        }
    }

    private static <T> T guarded(java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (BufferUnderflowException e) {
            throw new ProtocolException("A payload ends too early", e);
        }
    }
}
