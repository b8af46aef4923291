package org.hackablemail.plugin.host;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PluginValidationTest {
    private static PluginHost host;

    @BeforeAll
    static void setUp() {
        host = new PluginHost(SandboxLimits.builder().pluginMemoryBytes(2 * 65536).maxModuleBytes(4096).build(),
            HostCapacity.defaults(), new InMemoryVarStore(), digest -> Optional.empty());
    }

    @AfterAll
    static void tearDown() {
        host.close();
    }

    @Test
    void installShouldThrowWhenBytesAreNotWasm() {
        assertThatThrownBy(() -> host.install("not wasm".getBytes()))
            .isInstanceOf(PluginRejectedException.class)
            .hasMessageStartingWith("Not a valid Wasm module");
    }

    @Test
    void installShouldThrowWhenModuleIsTooLarge() {
        assertThatThrownBy(() -> host.install(new byte[4097]))
            .isInstanceOf(PluginRejectedException.class)
            .hasMessage("The module is 4097 bytes, the limit is 4096");
    }

    @Test
    void installShouldThrowWhenOnEmailIsMissing() {
        assertThatThrownBy(() -> host.install(TestPlugins.wasm("missing-on-email")))
            .isInstanceOf(PluginRejectedException.class)
            .hasMessage("The module does not export the function onEmail");
    }

    @Test
    void installShouldThrowWhenOnEmailHasWrongSignature() {
        assertThatThrownBy(() -> host.install(TestPlugins.wasm("wrong-signature")))
            .isInstanceOf(PluginRejectedException.class)
            .hasMessage("The export onEmail has type (i32) -> (i32), expected () -> (i32)");
    }

    @Test
    void installShouldThrowWhenModuleImportsUnknownFunction() {
        assertThatThrownBy(() -> host.install(TestPlugins.wasm("unknown-import")))
            .isInstanceOf(PluginRejectedException.class)
            .hasMessage("The module imports wasi_snapshot_preview1::path_open, which the host does not provide");
    }

    @Test
    void installShouldThrowWhenImportHasWrongType() {
        assertThatThrownBy(() -> host.install(TestPlugins.wasm("wrong-import-type")))
            .isInstanceOf(PluginRejectedException.class)
            .hasMessage("The module imports extism:host/user::deliver as (i32) -> (i32) but the host provides"
                + " (i64) -> (i64)");
    }

    @Test
    void installShouldThrowWhenInitialMemoryExceedsCap() {
        assertThatThrownBy(() -> host.install(TestPlugins.wasm("large-memory")))
            .isInstanceOf(PluginRejectedException.class)
            .hasMessage("The module's memory starts at 3 pages of 64 KiB, the limit is 2");
    }

    @Test
    void installShouldThrowWhenModuleImportsMemory() {
        assertThatThrownBy(() -> host.install(TestPlugins.wasm("imports-memory")))
            .isInstanceOf(PluginRejectedException.class)
            .hasMessage("The module imports memory env::memory: the host provides functions only");
    }
}
