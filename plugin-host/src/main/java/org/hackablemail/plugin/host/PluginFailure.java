package org.hackablemail.plugin.host;

import java.util.Locale;
import java.util.Objects;

/** Why a call did not produce a result code: the plugin misbehaved, or could not be run. */
public record PluginFailure(Reason reason, String message) {

    public PluginFailure {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }

    /** The reason, and who caused it: the plugin (its owner's failure policy applies), or the host (try later). */
    public enum Reason {
        /** The call ran past its wall-clock timeout and was interrupted. */
        TIMEOUT(false),
        /** The plugin trapped: {@code unreachable}, out-of-bounds access, memory exhausted, exit... */
        TRAP(false),
        /** The plugin recursed deeper than the worker stack allows. */
        STACK_EXHAUSTED(false),
        /** {@code onEmail} returned non-zero, the Extism way of failing, usually with an error message. */
        PLUGIN_ERROR(false),
        /** The output is not a JSON integer. */
        BAD_OUTPUT(false),
        /** The output is larger than the output cap. */
        OUTPUT_TOO_LARGE(false),
        /** The input is larger than the input cap: the caller should have truncated it. */
        INPUT_TOO_LARGE(false),
        /** The plugin asked for something the sandbox denies (HTTP, an oversized variable). */
        DENIED(false),
        /** The plugin's module cannot be found, is invalid or could not be compiled. */
        INVALID_PLUGIN(false),
        /**
         * Its worker process was killed while the call ran alone in it: it ignored its timeout past the grace,
         * ran the worker out of memory, or crashed it.
         */
        KILLED(false),
        /** No worker could take the call in time. */
        HOST_BUSY(true),
        /** The owner's share of the sandbox (concurrent calls, CPU time) is spent for now. */
        OVER_BUDGET(true),
        /** Its worker died because of another call, and the call could not be run again alone in time. */
        WORKER_LOST(true),
        /** The plugin's compiled code is missing (evicted, or the compiler changed): it is being compiled. */
        NOT_COMPILED(true),
        /** A fault of the host itself. */
        HOST_ERROR(true);

        private final boolean hostCaused;

        Reason(boolean hostCaused) {
            this.hostCaused = hostCaused;
        }

        /**
         * True when the host, not the plugin, kept the call from running to its end: the message should be tried
         * again later, without counting it against the plugin (nor toward a retry limit); nothing of the call may
         * be applied.
         */
        public boolean hostCaused() {
            return hostCaused;
        }

        /** The reason as written in logs and mail attributes, e.g. {@code stack_exhausted}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public boolean hostCaused() {
        return reason.hostCaused();
    }

    @Override
    public String toString() {
        return reason.label() + ": " + message;
    }
}
