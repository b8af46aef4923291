package org.hackablemail.plugin.host;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The test plugins, built from src/test/wat by build.sh. */
final class TestPlugins {

    private TestPlugins() {
    }

    /** The test plugin, validated and compiled with the default limits. */
    static CompiledCode compiled(String name) throws PluginRejectedException {
        SandboxLimits limits = SandboxLimits.defaults();
        return new PluginCompiler(new ModuleValidator(new PluginLinker(ExtismKernel.load(), limits).hostInterface(),
            limits)).compile(wasm(name));
    }

    static byte[] wasm(String name) {
        try (InputStream wasm = TestPlugins.class.getResourceAsStream("/plugins/" + name + ".wasm")) {
            if (wasm == null) {
                throw new IllegalArgumentException("No test plugin " + name + ": run src/test/wat/build.sh");
            }
            return wasm.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
