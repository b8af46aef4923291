package org.hackablemail.plugin.host;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The test plugins, built from src/test/wat by build.sh. */
final class TestPlugins {

    private TestPlugins() {
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
