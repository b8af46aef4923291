package org.hackablemail.plugin.host;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

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
 * that keeps the input, the output and every block a plugin allocates, in a memory of its own. Parsed and
 * compiled once; each plugin instance gets its own kernel instance.
 */
final class ExtismKernel {
    private static final String RESOURCE = "extism-runtime.wasm";

    private final WasmModule module;
    private final Function<Instance, Machine> machineFactory;
    private final Map<String, FunctionType> functions;

    private ExtismKernel(WasmModule module) {
        this.module = module;
        this.machineFactory = MachineFactoryCompiler.compile(module);
        this.functions = exportedFunctions(module);
    }

    static ExtismKernel load() {
        try (InputStream wasm = ExtismKernel.class.getResourceAsStream(RESOURCE)) {
            if (wasm == null) {
                throw new IllegalStateException(RESOURCE + " is missing next to " + ExtismKernel.class.getName());
            }
            return new ExtismKernel(Parser.parse(wasm.readAllBytes()));
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
