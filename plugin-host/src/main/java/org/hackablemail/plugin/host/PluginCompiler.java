package org.hackablemail.plugin.host;

import org.hackablemail.plugin.PluginDigest;

import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.WasmModule;

/** Validates a module, then compiles it to JVM bytecode (Chicory AOT). */
final class PluginCompiler {
    private final ModuleValidator validator;

    PluginCompiler(ModuleValidator validator) {
        this.validator = validator;
    }

    CompiledPlugin compile(byte[] wasm) throws PluginRejectedException {
        WasmModule module = validator.validate(wasm);
        try {
            // Functions too large for one JVM method are interpreted rather than refused.
            return new CompiledPlugin(PluginDigest.of(wasm), module, MachineFactoryCompiler.builder(module)
                .withInterpreterFallback(InterpreterFallback.SILENT)
                .compile());
        } catch (ChicoryException e) {
            throw new PluginRejectedException("The module cannot be compiled: " + e.getMessage(), e);
        }
    }
}
