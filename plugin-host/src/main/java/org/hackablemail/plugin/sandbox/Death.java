package org.hackablemail.plugin.sandbox;

/**
 * How a worker process ended.
 *
 * @param killed true when the client killed it (a call or a compilation overran, or it stopped answering)
 * @param cause what happened, for messages and logs
 */
record Death(boolean killed, String cause) {
    /** The JVM's exit code under {@code -XX:+ExitOnOutOfMemoryError}. */
    private static final int OUT_OF_MEMORY = 3;

    static Death killed(String reason) {
        return new Death(true, "killed: " + reason);
    }

    static Death exited(int exitCode) {
        return new Death(false, exitCode == OUT_OF_MEMORY ? "it ran out of memory" : "it exited with code " + exitCode);
    }
}
