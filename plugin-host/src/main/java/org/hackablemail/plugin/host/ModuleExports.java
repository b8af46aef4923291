package org.hackablemail.plugin.host;

import java.util.Optional;

import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExternalType;

/** Looks up a module's exports without instantiating it. */
final class ModuleExports {

    private ModuleExports() {
    }

    static Optional<Export> function(WasmModule module, String name) {
        for (int i = 0; i < module.exportSection().exportCount(); i++) {
            Export export = module.exportSection().getExport(i);
            if (export.name().equals(name) && export.exportType() == ExternalType.FUNCTION) {
                return Optional.of(export);
            }
        }
        return Optional.empty();
    }
}
