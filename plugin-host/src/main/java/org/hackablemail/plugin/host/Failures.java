package org.hackablemail.plugin.host;

import com.dylibso.chicory.runtime.ChicoryInterruptedException;
import com.dylibso.chicory.runtime.WasmException;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasm.ChicoryException;

/** Names what stopped a plugin, from what its worker thread threw. */
final class Failures {

    private Failures() {
    }

    static PluginFailure of(Throwable thrown) {
        if (thrown instanceof SandboxViolation) {
            return ((SandboxViolation) thrown).failure();
        }
        if (thrown instanceof ChicoryInterruptedException) {
            return new PluginFailure(PluginFailure.Reason.TIMEOUT, "interrupted at its timeout");
        }
        if (isStackOverflow(thrown)) {
            return new PluginFailure(PluginFailure.Reason.STACK_EXHAUSTED, "call stack exhausted (recursion too deep)");
        }
        if (thrown instanceof WasiExitException) {
            return new PluginFailure(PluginFailure.Reason.TRAP,
                "the plugin exited with code " + ((WasiExitException) thrown).exitCode());
        }
        if (thrown instanceof ChicoryException || thrown instanceof WasmException) {
            return new PluginFailure(PluginFailure.Reason.TRAP, String.valueOf(thrown.getMessage()));
        }
        return new PluginFailure(PluginFailure.Reason.HOST_ERROR, thrown.toString());
    }

    /** Chicory reports a JVM stack overflow as a ChicoryException caused by it. */
    private static boolean isStackOverflow(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof StackOverflowError) {
                return true;
            }
        }
        return false;
    }
}
