package org.hackablemail.plugin.sandbox.protocol;

import java.util.Objects;

/**
 * One message between the client and a worker: its type, the id of the request it belongs to (the client numbers its
 * requests; frames about a request carry its id) and its payload, encoded by {@link Payloads}.
 */
public record Frame(FrameType type, long id, byte[] payload) {
    private static final byte[] EMPTY = new byte[0];

    public Frame {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
    }

    public static Frame of(FrameType type, long id) {
        return new Frame(type, id, EMPTY);
    }
}
