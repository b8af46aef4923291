package org.hackablemail.plugin.host;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.hackablemail.plugin.PluginDigest;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionType;

/**
 * The Extism kernel, {@code extism-runtime.wasm} taken from the Extism Chicory SDK at build time: the Wasm module
 * that keeps the input, the output and every block a plugin allocates, in a memory of its own. Compiled once (and
 * kept with the plugins' compiled code); each plugin instance gets its own kernel instance.
 */
final class ExtismKernel {
    private static final String RESOURCE = "extism-runtime.wasm";

    private final WasmModule module;
    private final Function<Instance, Machine> machineFactory;
    private final Map<String, FunctionType> functions;

    private ExtismKernel(WasmModule module, Function<Instance, Machine> machineFactory) {
        this.module = module;
        this.machineFactory = machineFactory;
        this.functions = exportedFunctions(module);
    }

    /** The kernel compiled now, in memory. */
    static ExtismKernel load() {
        WasmModule module = Parser.parse(bytes());
        return new ExtismKernel(module, MachineFactoryCompiler.compile(module));
    }

    /**
     * The kernel from the compiled-code cache, compiled and kept there the first time: a new worker process then
     * neither compiles it nor loads the compiler's classes (the bulk of a cold start).
     */
    static ExtismKernel load(CodeCache code) {
        byte[] wasm = bytes();
        CompiledPlugin kernel = code.get(PluginDigest.of(wasm)).orElseGet(() -> {
            try {
                return code.put(PluginCompiler.translate(wasm, Parser.parse(wasm)), true);
            } catch (PluginRejectedException e) {
                throw new IllegalStateException("The Extism kernel does not compile", e);
            }
        });
        return new ExtismKernel(kernel.module(), kernel.machineFactory());
    }

    private static byte[] bytes() {
        try (InputStream wasm = ExtismKernel.class.getResourceAsStream(RESOURCE)) {
            if (wasm == null) {
                throw new IllegalStateException(RESOURCE + " is missing next to " + ExtismKernel.class.getName());
            }
            return wasm.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    /** The kernel's functions, which plugins import from {@code extism:host/env}, by name. */
    Map<String, FunctionType> functions() {
        return functions;
    }

    KernelInstance instantiate(int maxMemoryPages) {
        return new KernelInstance(Instance.builder(module)
            .withMachineFactory(machineFactory)
            .withMemoryFactory(new CappedMemory(maxMemoryPages))
            .build());
    }

    private static Map<String, FunctionType> exportedFunctions(WasmModule module) {
        int imported = module.importSection().count(ExternalType.FUNCTION);
        Map<String, FunctionType> functions = new LinkedHashMap<>();
        for (int i = 0; i < module.exportSection().exportCount(); i++) {
            Export export = module.exportSection().getExport(i);
            if (export.exportType() == ExternalType.FUNCTION) {
                functions.put(export.name(), module.functionSection()
                    .getFunctionType(export.index() - imported, module.typeSection()));
            }
        }
        return Map.copyOf(functions);
    }
}
