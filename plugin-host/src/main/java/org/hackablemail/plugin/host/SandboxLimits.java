package org.hackablemail.plugin.host;

import java.time.Duration;
import java.util.Objects;

/**
 * What one plugin may use. Per call: {@code callTimeout}, both memories, input, output, logs and variable sizes.
 * Per plugin: what its module may declare ({@link ModuleLimits}) and the time its compilation may take.
 *
 * @param callTimeout wall-clock time for one {@code onEmail} call, instantiation included
 * @param simulationTimeout how long a simulation call (the warm-up on a fresh instance, then the measured call) may
 *     run before it is stopped: longer than {@code callTimeout}, so that a report can say how slow a plugin is; a
 *     measured call over {@code callTimeout} still fails its scenario
 * @param pluginMemoryBytes cap of the plugin's linear memory
 * @param kernelMemoryBytes cap of the Extism kernel's memory (input, output and every block the plugin allocates)
 * @param maxInputBytes largest input accepted; the caller truncates the body to fit
 * @param maxOutputBytes largest output read back
 * @param maxLogBytes log text kept per call; the rest is dropped
 * @param maxVarBytes largest value a plugin may store with {@code var_set}
 * @param maxVarWriteBytes names and values one call may write with {@code var_set}, all together
 * @param module what a module may declare, checked at validation
 * @param compileTimeout time the AOT compilation of one module may take
 * @param workerStackBytes JVM stack of the threads that run plugins: it bounds the plugin's recursion depth
 */
public record SandboxLimits(
        Duration callTimeout,
        Duration simulationTimeout,
        long pluginMemoryBytes,
        long kernelMemoryBytes,
        int maxInputBytes,
        int maxOutputBytes,
        int maxLogBytes,
        int maxVarBytes,
        int maxVarWriteBytes,
        ModuleLimits module,
        Duration compileTimeout,
        long workerStackBytes) {
    private static final int KIB = 1024;
    private static final int MIB = 1024 * KIB;

    public SandboxLimits {
        Objects.requireNonNull(callTimeout, "callTimeout");
        Objects.requireNonNull(simulationTimeout, "simulationTimeout");
        Objects.requireNonNull(compileTimeout, "compileTimeout");
        Objects.requireNonNull(module, "module");
        requirePages("pluginMemoryBytes", pluginMemoryBytes);
        requirePages("kernelMemoryBytes", kernelMemoryBytes);
    }

    public static SandboxLimits defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private Duration callTimeout = Duration.ofSeconds(1);
        private Duration simulationTimeout = Duration.ofSeconds(10);
        private long pluginMemoryBytes = 16 * MIB;
        private long kernelMemoryBytes = 16 * MIB;
        private int maxInputBytes = MIB;
        private int maxOutputBytes = 64 * KIB;
        private int maxLogBytes = 64 * KIB;
        private int maxVarBytes = 64 * KIB;
        private int maxVarWriteBytes = MIB;
        private ModuleLimits module = ModuleLimits.defaults();
        private Duration compileTimeout = Duration.ofSeconds(20);
        private long workerStackBytes = 4 * MIB;

        private Builder() {
        }

        public Builder callTimeout(Duration timeout) {
            this.callTimeout = timeout;
            return this;
        }

        public Builder simulationTimeout(Duration timeout) {
            this.simulationTimeout = timeout;
            return this;
        }

        public Builder pluginMemoryBytes(long bytes) {
            this.pluginMemoryBytes = bytes;
            return this;
        }

        public Builder kernelMemoryBytes(long bytes) {
            this.kernelMemoryBytes = bytes;
            return this;
        }

        public Builder maxInputBytes(int bytes) {
            this.maxInputBytes = bytes;
            return this;
        }

        public Builder maxOutputBytes(int bytes) {
            this.maxOutputBytes = bytes;
            return this;
        }

        public Builder maxLogBytes(int bytes) {
            this.maxLogBytes = bytes;
            return this;
        }

        public Builder maxVarBytes(int bytes) {
            this.maxVarBytes = bytes;
            return this;
        }

        public Builder maxVarWriteBytes(int bytes) {
            this.maxVarWriteBytes = bytes;
            return this;
        }

        public Builder module(ModuleLimits limits) {
            this.module = limits;
            return this;
        }

        public Builder compileTimeout(Duration timeout) {
            this.compileTimeout = timeout;
            return this;
        }

        public Builder workerStackBytes(long bytes) {
            this.workerStackBytes = bytes;
            return this;
        }

        public SandboxLimits build() {
            return new SandboxLimits(callTimeout, simulationTimeout, pluginMemoryBytes, kernelMemoryBytes, maxInputBytes,
                maxOutputBytes, maxLogBytes, maxVarBytes, maxVarWriteBytes, module, compileTimeout,
                workerStackBytes);
        }
    }

    /** The largest module accepted: what an upload may weigh before it is read. */
    public int maxModuleBytes() {
        return module.maxModuleBytes();
    }

    int pluginMemoryPages() {
        return WasmPages.of(pluginMemoryBytes);
    }

    int kernelMemoryPages() {
        return WasmPages.of(kernelMemoryBytes);
    }

    private static void requirePages(String name, long bytes) {
        if (bytes < WasmPages.PAGE_BYTES || bytes % WasmPages.PAGE_BYTES != 0 || bytes > WasmPages.MAX_BYTES) {
            throw new IllegalArgumentException(name + " must be a whole number of 64 KiB Wasm pages, up to 4 GiB: "
                + bytes);
        }
    }
}
