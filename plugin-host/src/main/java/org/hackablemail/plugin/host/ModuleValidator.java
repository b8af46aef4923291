package org.hackablemail.plugin.host;

import static com.dylibso.chicory.wasm.types.ValType.I32;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.Import;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.dylibso.chicory.wasm.types.MemorySection;

/**
 * Decides whether a module may run as an email plugin: valid Wasm within the {@link ModuleLimits}, exporting
 * {@code onEmail: () -> i32}, and importing nothing but functions the host provides, with their exact types.
 */
final class ModuleValidator {
    static final String ENTRY_POINT = "onEmail";
    private static final FunctionType ENTRY_POINT_TYPE = FunctionType.of(List.of(), List.of(I32));

    private final HostInterface host;
    private final SandboxLimits limits;

    ModuleValidator(HostInterface host, SandboxLimits limits) {
        this.host = host;
        this.limits = limits;
    }

    WasmModule validate(byte[] wasm) throws PluginRejectedException {
        checkLimits(wasm);
        WasmModule module = parse(wasm);
        checkTypes(module);
        checkImports(module);
        checkEntryPoint(module);
        checkMemory(module);
        checkTables(module);
        return module;
    }

    /** The checks that depend on the limits in effect: module size and {@link ModuleLimits}. */
    void checkLimits(byte[] wasm) throws PluginRejectedException {
        if (wasm.length > limits.maxModuleBytes()) {
            throw new PluginRejectedException("The module is " + wasm.length + " bytes, the limit is "
                + limits.maxModuleBytes());
        }
        ModuleCensus.check(wasm, limits.module());
    }

    private static WasmModule parse(byte[] wasm) throws PluginRejectedException {
        try {
            return Parser.parse(wasm);
        } catch (ChicoryException e) {
            throw new PluginRejectedException("Not a valid Wasm module: " + e.getMessage(), e);
        }
    }

    /** GC arrays and structs live on the JVM heap, out of reach of the memory cap. */
    private static void checkTypes(WasmModule module) throws PluginRejectedException {
        for (int i = 0; i < module.typeSection().subTypeCount(); i++) {
            if (module.typeSection().getSubType(i).compType().funcType() == null) {
                throw new PluginRejectedException("The module declares GC struct or array types, which the host"
                    + " does not run");
            }
        }
    }

    private void checkImports(WasmModule module) throws PluginRejectedException {
        for (int i = 0; i < module.importSection().importCount(); i++) {
            Import wanted = module.importSection().getImport(i);
            String name = wanted.module() + "::" + wanted.name();
            if (wanted.importType() != ExternalType.FUNCTION) {
                throw new PluginRejectedException("The module imports " + wanted.importType().name().toLowerCase(Locale.ROOT)
                    + " " + name + ": the host provides functions only");
            }
            FunctionType wantedType = module.typeSection().getType(((FunctionImport) wanted).typeIndex());
            FunctionType provided = host.type(wanted.module(), wanted.name()).orElseThrow(() ->
                new PluginRejectedException("The module imports " + name + ", which the host does not provide"));
            if (!provided.equals(wantedType)) {
                throw new PluginRejectedException("The module imports " + name + " as " + describe(wantedType)
                    + " but the host provides " + describe(provided));
            }
        }
    }

    private static void checkEntryPoint(WasmModule module) throws PluginRejectedException {
        Export entryPoint = ModuleExports.function(module, ENTRY_POINT).orElseThrow(() ->
            new PluginRejectedException("The module does not export the function " + ENTRY_POINT));
        FunctionType type = functionType(module, entryPoint.index());
        if (!type.equals(ENTRY_POINT_TYPE)) {
            throw new PluginRejectedException("The export " + ENTRY_POINT + " has type " + describe(type)
                + ", expected " + describe(ENTRY_POINT_TYPE));
        }
    }

    /** In the text format's spelling, which plugin authors know: {@code (i64) -> (i64)}. */
    private static String describe(FunctionType type) {
        return type.toString().toLowerCase(Locale.ROOT);
    }

    /** Imported functions come first in the function index space. */
    private static FunctionType functionType(WasmModule module, int index) {
        List<FunctionImport> imported = module.importSection().stream()
            .filter(anImport -> anImport.importType() == ExternalType.FUNCTION)
            .map(FunctionImport.class::cast)
            .collect(Collectors.toList());
        if (index < imported.size()) {
            return module.typeSection().getType(imported.get(index).typeIndex());
        }
        return module.functionSection().getFunctionType(index - imported.size(), module.typeSection());
    }

    private void checkMemory(WasmModule module) throws PluginRejectedException {
        int memories = module.memorySection().map(MemorySection::memoryCount).orElse(0);
        if (memories > 1) {
            throw new PluginRejectedException("The module declares " + memories + " memories, at most 1 is allowed");
        }
        if (memories == 1) {
            MemoryLimits declared = module.memorySection().get().getMemory(0).limits();
            if (declared.initialPages() > limits.pluginMemoryPages()) {
                throw new PluginRejectedException("The module's memory starts at " + declared.initialPages()
                    + " pages of 64 KiB, the limit is " + limits.pluginMemoryPages());
            }
        }
    }

    /** Table elements live on the JVM heap: their total is capped here, their growth by {@link CappedTables}. */
    private void checkTables(WasmModule module) throws PluginRejectedException {
        long elements = 0;
        for (int i = 0; i < module.tableSection().tableCount(); i++) {
            elements += module.tableSection().getTable(i).limits().min();
        }
        if (elements > limits.module().maxTableElements()) {
            throw new PluginRejectedException("The module's tables start with " + elements
                + " elements, the limit is " + limits.module().maxTableElements());
        }
    }
}
