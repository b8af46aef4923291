package org.hackablemail.plugin.host;

/**
 * Holds the call a plugin instance is running. An instance serves one call at a time, on the worker thread
 * that took it from the pool, so no synchronization is needed here.
 */
final class CallSlot {
    private ActiveCall current;

    void enter(ActiveCall call) {
        current = call;
    }

    void leave() {
        current = null;
    }

    ActiveCall current() {
        if (current == null) {
            throw new SandboxViolation(PluginFailure.Reason.TRAP, "host function called outside of a call");
        }
        return current;
    }
}
