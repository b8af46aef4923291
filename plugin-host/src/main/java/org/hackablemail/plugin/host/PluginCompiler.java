package org.hackablemail.plugin.host;

import org.hackablemail.plugin.PluginDigest;

import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.WasmModule;

/**
 * Validates a module, then compiles it to JVM bytecode (Chicory AOT). A function the compiler cannot turn into one
 * JVM method refuses the module: the interpreter Chicory would fall back to keeps its frames on the JVM heap, out of
 * reach of every memory cap.
 */
final class PluginCompiler {
    private final ModuleValidator validator;

    PluginCompiler(ModuleValidator validator) {
        this.validator = validator;
    }

    CompiledPlugin compile(byte[] wasm) throws PluginRejectedException {
        WasmModule module = validator.validate(wasm);
        try {
            return new CompiledPlugin(PluginDigest.of(wasm), module, MachineFactoryCompiler.builder(module)
                .withInterpreterFallback(InterpreterFallback.FAIL)
                .compile());
        } catch (ChicoryException e) {
            throw new PluginRejectedException("The module cannot be compiled: " + e.getMessage(), e);
        }
    }
}
