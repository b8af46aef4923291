package org.hackablemail.plugin.host;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The variables one call sees: what it wrote (read-your-writes), else what it read before, else what the
 * {@link VariableReader} says, each name read from it at most once. Writes stay here; they are the call's effect.
 * Bounded: the names and values written in one call may total at most {@code maxWriteBytes}.
 */
final class CallVariables {
    private final VariableReader reader;
    private final int maxValueBytes;
    private final int maxWriteBytes;
    private final Map<String, Optional<byte[]>> read = new HashMap<>();
    private final Map<String, Optional<byte[]>> written = new LinkedHashMap<>();
    private long writtenBytes;

    CallVariables(VariableReader reader, int maxValueBytes, int maxWriteBytes) {
        this.reader = reader;
        this.maxValueBytes = maxValueBytes;
        this.maxWriteBytes = maxWriteBytes;
    }

    Optional<byte[]> get(String name) {
        Optional<byte[]> value = written.get(name);
        if (value == null) {
            value = read.computeIfAbsent(name, this::readThrough);
        }
        return value;
    }

    /** A store that cannot answer fails the call as the host's fault: the message is tried again later. */
    private Optional<byte[]> readThrough(String name) {
        try {
            return reader.read(name);
        } catch (RuntimeException e) {
            throw new SandboxViolation(PluginFailure.Reason.HOST_ERROR,
                "the plugin's variables cannot be read: " + e.getMessage());
        }
    }

    /** An empty value removes the variable. */
    void set(String name, Optional<byte[]> value) {
        int valueBytes = value.map(bytes -> bytes.length).orElse(0);
        if (valueBytes > maxValueBytes) {
            throw new SandboxViolation(PluginFailure.Reason.DENIED,
                "variable '" + name + "' is " + valueBytes + " bytes, the limit is " + maxValueBytes);
        }
        Optional<byte[]> previous = written.put(name, value);
        if (previous == null) {
            writtenBytes += nameBytes(name) + valueBytes;
        } else {
            writtenBytes += valueBytes - previous.map(bytes -> bytes.length).orElse(0);
        }
        if (writtenBytes > maxWriteBytes) {
            throw new SandboxViolation(PluginFailure.Reason.DENIED,
                "the call wrote more than " + maxWriteBytes + " bytes of variables (names and values)");
        }
    }

    /** The names written, each with its last value, or empty when removed. */
    Map<String, Optional<byte[]>> writes() {
        return written;
    }

    private static int nameBytes(String name) {
        return name.getBytes(StandardCharsets.UTF_8).length;
    }
}
