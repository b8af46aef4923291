package org.hackablemail.plugin.sandbox.protocol;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

import org.hackablemail.plugin.host.HostCapacity;
import org.hackablemail.plugin.host.ModuleLimits;
import org.hackablemail.plugin.host.SandboxLimits;

/**
 * What a worker is told before anything else ({@link FrameType#CONFIGURE}): the sandbox's limits, what its host keeps
 * warm, and where the compiled code lives on disk.
 *
 * @param codeDirectory the root of the disk cache of compiled code, shared by every worker
 * @param diskCodeBytes what the disk cache may hold
 */
public record WorkerConfig(SandboxLimits limits, HostCapacity capacity, Path codeDirectory, long diskCodeBytes) {

    public WorkerConfig {
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(capacity, "capacity");
        Objects.requireNonNull(codeDirectory, "codeDirectory");
    }

    public byte[] encode() {
        ModuleLimits module = limits.module();
        return new PayloadWriter()
            .int64(limits.callTimeout().toNanos()).int64(limits.simulationTimeout().toNanos())
            .int64(limits.pluginMemoryBytes()).int64(limits.kernelMemoryBytes())
            .int32(limits.maxInputBytes()).int32(limits.maxOutputBytes()).int32(limits.maxLogBytes())
            .int32(limits.maxVarBytes()).int32(limits.maxVarWriteBytes())
            .int32(module.maxModuleBytes()).int32(module.maxFunctions()).int32(module.maxFunctionBodyBytes())
            .int32(module.maxLocalsPerFunction()).int32(module.maxTables()).int32(module.maxTableElements())
            .int32(module.maxGlobals()).int32(module.maxDataSegments()).int32(module.maxElementSegments())
            .int64(limits.compileTimeout().toNanos()).int64(limits.workerStackBytes())
            .int64(capacity.compiledCodeBytes()).int32(capacity.idleInstancesPerPlugin())
            .int64(capacity.idleMemoryBytes()).int32(capacity.maxConcurrentCalls())
            .text(codeDirectory.toString()).int64(diskCodeBytes)
            .toBytes();
    }

    public static WorkerConfig decode(byte[] payload) {
        PayloadReader in = new PayloadReader(payload);
        SandboxLimits.Builder limits = SandboxLimits.builder()
            .callTimeout(Duration.ofNanos(in.int64())).simulationTimeout(Duration.ofNanos(in.int64()))
            .pluginMemoryBytes(in.int64()).kernelMemoryBytes(in.int64())
            .maxInputBytes(in.int32()).maxOutputBytes(in.int32()).maxLogBytes(in.int32())
            .maxVarBytes(in.int32()).maxVarWriteBytes(in.int32())
            .module(new ModuleLimits(in.int32(), in.int32(), in.int32(), in.int32(), in.int32(), in.int32(),
                in.int32(), in.int32(), in.int32()))
            .compileTimeout(Duration.ofNanos(in.int64())).workerStackBytes(in.int64());
        HostCapacity capacity = new HostCapacity(in.int64(), in.int32(), in.int64(), in.int32());
        WorkerConfig config = new WorkerConfig(limits.build(), capacity, Path.of(in.text()), in.int64());
        in.end();
        return config;
    }
}
