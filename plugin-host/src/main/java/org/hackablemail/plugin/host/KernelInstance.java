package org.hackablemail.plugin.host;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.types.FunctionType;

/**
 * One instance of the Extism kernel, paired with one plugin instance. Handles are offsets in the kernel's
 * memory; the kernel tells their length, or 0 for an offset it never handed out.
 */
final class KernelInstance {
    private final Instance instance;
    private final Memory memory;
    private final ExportFunction alloc;
    private final ExportFunction length;
    private final ExportFunction reset;
    private final ExportFunction inputSet;
    private final ExportFunction outputOffset;
    private final ExportFunction outputLength;
    private final ExportFunction errorGet;

    KernelInstance(Instance instance) {
        this.instance = instance;
        this.memory = instance.memory();
        this.alloc = instance.export("alloc");
        this.length = instance.export("length");
        this.reset = instance.export("reset");
        this.inputSet = instance.export("input_set");
        this.outputOffset = instance.export("output_offset");
        this.outputLength = instance.export("output_length");
        this.errorGet = instance.export("error_get");
    }

    /** Frees everything the previous call allocated, then makes {@code input} the input of the next call. */
    void startCall(byte[] input) {
        reset.apply();
        inputSet.apply(store(input), input.length);
    }

    /** The bytes behind a handle the plugin passed; empty for an unknown handle. */
    byte[] read(long handle) {
        long size = length(handle);
        return size == 0 ? new byte[0] : memory.readBytes(Math.toIntExact(handle), Math.toIntExact(size));
    }

    /** The size of the block behind a handle; 0 for an unknown handle. */
    long length(long handle) {
        return length.apply(handle)[0];
    }

    /** Copies {@code bytes} into a new block and returns its handle. */
    long store(byte[] bytes) {
        long handle = alloc.apply(bytes.length)[0];
        if (handle == 0) {
            throw new SandboxViolation(PluginFailure.Reason.TRAP,
                "the Extism kernel memory is full (" + memory.pages() + " pages of 64 KiB)");
        }
        memory.write(Math.toIntExact(handle), bytes);
        return handle;
    }

    int memoryPages() {
        return memory.pages();
    }

    long outputLength() {
        return outputLength.apply()[0];
    }

    /** The output the plugin set; throws a {@code WasmRuntimeException} when it lies outside the kernel memory. */
    byte[] output() {
        long size = outputLength();
        return size == 0 ? new byte[0]
            : memory.readBytes(Math.toIntExact(outputOffset.apply()[0]), Math.toIntExact(size));
    }

    /** The message the plugin set with {@code error_set}, if any. */
    Optional<String> error() {
        long handle = errorGet.apply()[0];
        return handle == 0 ? Optional.empty() : Optional.of(new String(read(handle), StandardCharsets.UTF_8));
    }

    /** Host functions that forward the plugin's {@code extism:host/env} kernel imports to this instance. */
    List<HostFunction> forwardingFunctions(Map<String, FunctionType> kernelFunctions) {
        return kernelFunctions.entrySet().stream()
            .map(function -> forward(function.getKey(), function.getValue()))
            .collect(Collectors.toList());
    }

    private HostFunction forward(String name, FunctionType type) {
        ExportFunction target = instance.export(name);
        return new HostFunction(HostInterface.ENV, name, type, (caller, args) -> target.apply(args));
    }
}
