package org.hackablemail.plugin.host;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Function;
import java.util.jar.JarInputStream;

import com.dylibso.chicory.compiler.Cache;
import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;

/**
 * Turns {@link CompiledCode} into a {@link CompiledPlugin}: parses the skeleton and loads the compiled classes,
 * through Chicory's own cache path, which defines them in a class loader of their own (so they are unloaded with the
 * plugin) and runs the JVM's verifier on them. Never compiles.
 */
final class CodeLoader {
    /** Class metadata takes about twice the class files' size. */
    private static final int CLASS_METADATA_FACTOR = 2;

    CompiledPlugin load(CompiledCode code) {
        WasmModule skeleton = Parser.parse(code.skeleton());
        Function<Instance, Machine> machineFactory = MachineFactoryCompiler.builder(skeleton)
            .withInterpreterFallback(InterpreterFallback.FAIL)
            .withCache(new Replay(code.classes()))
            .compile();
        long weight = (long) code.skeleton().length + CLASS_METADATA_FACTOR * classFileBytes(code.classes());
        return new CompiledPlugin(code.digest(), skeleton, machineFactory, weight);
    }

    private static long classFileBytes(byte[] jar) {
        long total = 0;
        try (JarInputStream entries = new JarInputStream(new ByteArrayInputStream(jar))) {
            byte[] buffer = new byte[8192];
            while (entries.getNextJarEntry() != null) {
                for (int read = entries.read(buffer); read >= 0; read = entries.read(buffer)) {
                    total += read;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable compiled classes", e);
        }
        return total;
    }

    /** Hands Chicory the classes compiled earlier; compiling the skeleton would be wrong, so it must never happen. */
    private record Replay(byte[] jar) implements Cache {
        @Override
        public byte[] get(String key) {
            return jar;
        }

        @Override
        public void putIfAbsent(String key, byte[] data) {
            throw new IllegalStateException("A compiled plugin's skeleton was compiled");
        }
    }
}
