package org.hackablemail.plugin.sandbox.protocol;

/** The other side sent what the protocol does not allow: the connection cannot go on. */
public final class ProtocolException extends RuntimeException {

    public ProtocolException(String message) {
        super(message);
    }

    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
