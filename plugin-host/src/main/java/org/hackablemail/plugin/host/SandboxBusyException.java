package org.hackablemail.plugin.host;

/** The sandbox cannot take this work now (the owner's share is spent, or no worker is free): try again later. */
public class SandboxBusyException extends RuntimeException {

    public SandboxBusyException(String message) {
        super(message);
    }
}
