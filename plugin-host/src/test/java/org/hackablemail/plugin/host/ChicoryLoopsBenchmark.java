package org.hackablemail.plugin.host;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.ByteBufferMemory;
import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.MemoryLimits;

/**
 * The Chicory side of {@code plugin-host/bench/loops.sh}: each loop of {@code plugin-host/bench/loops/loops.wat}
 * with 25 million iterations, compiled as our host compiles plugins, on both of Chicory's memories. Bare Chicory,
 * none of our host: a reproduction to report upstream. Not a test.
 */
public final class ChicoryLoopsBenchmark {
    private static final int ITERATIONS = 25_000_000;
    private static final int ROUNDS = 7;

    private ChicoryLoopsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        WasmModule module = Parser.parse(Files.readAllBytes(Path.of(args[0])));
        measure(module, "ByteBufferMemory", ByteBufferMemory::new);
        measure(module, "ByteArrayMemory", ByteArrayMemory::new);
    }

    private static void measure(WasmModule module, String memory, Function<MemoryLimits, Memory> memories) {
        Instance instance = Instance.builder(module).withMachineFactory(MachineFactoryCompiler::compile)
            .withMemoryFactory(memories).build();
        for (String name : List.of("locals", "memory", "shadow", "calls")) {
            ExportFunction loop = instance.export(name);
            long best = Long.MAX_VALUE;
            for (int round = 0; round < ROUNDS; round++) {
                long start = System.nanoTime();
                loop.apply(ITERATIONS);
                best = Math.min(best, System.nanoTime() - start);
            }
            System.out.printf("%-30s%-7s %6.0f ms%n", "Chicory, " + memory, name, best / 1e6);
        }
    }
}
