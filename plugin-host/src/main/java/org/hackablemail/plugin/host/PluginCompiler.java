package org.hackablemail.plugin.host;

import org.hackablemail.plugin.PluginDigest;

import com.dylibso.chicory.compiler.Cache;
import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.WasmModule;

/**
 * Validates a module, then compiles it to JVM bytecode (Chicory AOT), to bytes that {@link CodeLoader} loads. A
 * function the compiler cannot turn into one JVM method refuses the module: the interpreter Chicory would fall back
 * to keeps its frames on the JVM heap, out of reach of every memory cap. Compilation cannot be interrupted: whoever
 * runs it bounds its time by other means.
 */
final class PluginCompiler {
    private final ModuleValidator validator;

    PluginCompiler(ModuleValidator validator) {
        this.validator = validator;
    }

    CompiledCode compile(byte[] wasm) throws PluginRejectedException {
        return translate(wasm, validator.validate(wasm));
    }

    /** Compiles a parsed module without validating it as a plugin: for the host's own modules, and plugins once valid. */
    static CompiledCode translate(byte[] wasm, WasmModule module) throws PluginRejectedException {
        ClassesOut classes = new ClassesOut();
        try {
            MachineFactoryCompiler.builder(module)
                .withInterpreterFallback(InterpreterFallback.FAIL)
                .withCache(classes)
                .compile();
        } catch (ChicoryException e) {
            throw new PluginRejectedException("The module cannot be compiled: " + e.getMessage(), e);
        }
        if (classes.jar == null) {
            throw new IllegalStateException("Chicory compiled " + PluginDigest.of(wasm) + " without handing its classes"
                + " to the cache");
        }
        return new CompiledCode(PluginDigest.of(wasm), ModuleSkeleton.of(wasm), classes.jar);
    }

    /** Chicory's compiler hands the classes it generated to its cache: this one only keeps them. */
    private static final class ClassesOut implements Cache {
        private byte[] jar;

        @Override
        public byte[] get(String key) {
            return null;
        }

        @Override
        public void putIfAbsent(String key, byte[] data) {
            jar = data;
        }
    }
}
