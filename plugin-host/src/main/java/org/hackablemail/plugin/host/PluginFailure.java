package org.hackablemail.plugin.host;

import java.util.Locale;
import java.util.Objects;

/** Why a call did not produce a result code: the plugin misbehaved, or could not be run. */
public record PluginFailure(Reason reason, String message) {

    public PluginFailure {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }

    public enum Reason {
        /** The call ran past its wall-clock timeout and was interrupted. */
        TIMEOUT,
        /** The plugin trapped: {@code unreachable}, out-of-bounds access, memory exhausted, exit... */
        TRAP,
        /** The plugin recursed deeper than the worker stack allows. */
        STACK_EXHAUSTED,
        /** {@code onEmail} returned non-zero, the Extism way of failing, usually with an error message. */
        PLUGIN_ERROR,
        /** The output is not a JSON integer. */
        BAD_OUTPUT,
        /** The output is larger than the output cap. */
        OUTPUT_TOO_LARGE,
        /** The input is larger than the input cap: the caller should have truncated it. */
        INPUT_TOO_LARGE,
        /** The plugin asked for something the sandbox denies (HTTP, an oversized variable). */
        DENIED,
        /** The plugin's module cannot be found, is invalid or could not be compiled. */
        INVALID_PLUGIN,
        /** Too many calls at once. */
        HOST_BUSY,
        /** A fault of the host itself. */
        HOST_ERROR;

        /** The reason as written in logs and mail attributes, e.g. {@code stack_exhausted}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Override
    public String toString() {
        return reason.label() + ": " + message;
    }
}
