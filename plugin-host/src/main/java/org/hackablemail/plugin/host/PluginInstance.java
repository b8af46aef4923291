package org.hackablemail.plugin.host;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.hackablemail.plugin.email.EmailJson;

import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.WasmRuntimeException;

/**
 * A plugin instance linked to its own kernel instance. Serves one call at a time; after any exception it must be
 * discarded, since the plugin may have been stopped halfway.
 */
final class PluginInstance {
    /** Reactor modules (WASI libc, Rust cdylib) run their constructors in this export. */
    private static final String REACTOR_INITIALIZER = "_initialize";
    private static final int OUTPUT_PREVIEW_BYTES = 64;

    private final Instance plugin;
    private final KernelInstance kernel;
    private final CallSlot slot;
    private final int maxOutputBytes;
    private ExportFunction entryPoint;

    PluginInstance(Instance plugin, KernelInstance kernel, CallSlot slot, int maxOutputBytes) {
        this.plugin = plugin;
        this.kernel = kernel;
        this.slot = slot;
        this.maxOutputBytes = maxOutputBytes;
    }

    /** Runs {@code onEmail}; returns its result code, or throws when the plugin failed. */
    int call(ActiveCall call) {
        slot.enter(call);
        try {
            initializeOnce();
            kernel.startCall(call.call().input());
            long status = entryPoint.apply()[0];
            if (status != 0) {
                throw new SandboxViolation(PluginFailure.Reason.PLUGIN_ERROR, "onEmail returned " + status
                    + kernel.error().map(error -> ": " + error).orElse(" without an error message"));
            }
            return resultCode(output());
        } finally {
            slot.leave();
        }
    }

    /** What this instance holds while idle: its linear memory and its kernel's. */
    long memoryBytes() {
        int pluginPages = plugin.memory() == null ? 0 : plugin.memory().pages();
        return (long) (pluginPages + kernel.memoryPages()) * WasmPages.PAGE_BYTES;
    }

    /** Done on the first call, under its timeout, because a start function may run forever. */
    private void initializeOnce() {
        if (entryPoint != null) {
            return;
        }
        plugin.initialize(false);
        if (ModuleExports.function(plugin.module(), REACTOR_INITIALIZER).isPresent()) {
            plugin.export(REACTOR_INITIALIZER).apply();
        }
        entryPoint = plugin.export(ModuleValidator.ENTRY_POINT);
    }

    private byte[] output() {
        long size = kernel.outputLength();
        if (size > maxOutputBytes) {
            throw new SandboxViolation(PluginFailure.Reason.OUTPUT_TOO_LARGE,
                "the output is " + size + " bytes, the limit is " + maxOutputBytes);
        }
        try {
            return kernel.output();
        } catch (WasmRuntimeException e) {
            throw new SandboxViolation(PluginFailure.Reason.BAD_OUTPUT, "the output lies outside the kernel memory");
        }
    }

    private static int resultCode(byte[] output) {
        return EmailJson.resultCode(output).orElseThrow(() -> new SandboxViolation(PluginFailure.Reason.BAD_OUTPUT,
            "the output is not a JSON integer: " + preview(output)));
    }

    private static String preview(byte[] output) {
        String text = new String(Arrays.copyOf(output, Math.min(output.length, OUTPUT_PREVIEW_BYTES)),
            StandardCharsets.UTF_8).replaceAll("\\p{Cntrl}", "?");
        return output.length > OUTPUT_PREVIEW_BYTES ? "\"" + text + "\"..." : "\"" + text + "\"";
    }
}
