package org.hackablemail.plugin.host;

/** Thrown by a host function to end the call because the plugin broke a sandbox rule. */
final class SandboxViolation extends RuntimeException {
    private final PluginFailure.Reason reason;

    SandboxViolation(PluginFailure.Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    PluginFailure failure() {
        return new PluginFailure(reason, getMessage());
    }
}
