package org.hackablemail.plugin.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.hackablemail.plugin.PluginDigest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PluginValidationTest {
    private static PluginHost host;

    @BeforeAll
    static void setUp() {
        host = new PluginHost(SandboxLimits.builder().pluginMemoryBytes(2 * 65536)
                .module(ModuleLimits.defaults().withMaxModuleBytes(4096)).build(),
            HostCapacity.defaults());
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

    @Test
    void installShouldThrowWhenAFunctionDeclaresTooManyLocals() {
        assertThatThrownBy(() -> host.install(TestPlugins.wasm("huge-locals")))
            .isInstanceOf(PluginRejectedException.class)
            .hasMessage("Function 0 declares 49000 locals, the limit is 4096");
    }

    @Test
    void installShouldThrowWhenTheModuleDeclaresTooManyTables() throws Exception {
        try (PluginHost defaults = hostWith(UnaryOperator.identity())) {
            assertThatThrownBy(() -> defaults.install(TestPlugins.wasm("many-tables")))
                .isInstanceOf(PluginRejectedException.class)
                .hasMessage("The module declares 1000 tables, the limit is 4");
        }
    }

    @Test
    void installShouldThrowWhenTheCompilerCannotCompileAFunction() throws Exception {
        try (PluginHost permissive = hostWith(limits -> limits.withMaxLocalsPerFunction(50_000))) {
            assertThatThrownBy(() -> permissive.install(TestPlugins.wasm("huge-locals")))
                .isInstanceOf(PluginRejectedException.class)
                .hasMessageStartingWith("The module cannot be compiled")
                .hasMessageContaining("function size exceeds the Java method size limits");
        }
    }

    /** The AssemblyScript example: 51 functions (17 imported), 12 globals, 1 element segment, 213 data segments. */
    @ParameterizedTest(name = "{1}")
    @MethodSource("limitsJustBelowTheAssemblyScriptExample")
    void installShouldNameTheLimitAndTheValueWhenTheModuleExceedsIt(UnaryOperator<ModuleLimits> limit, String message)
            throws Exception {
        byte[] example = Files.readAllBytes(Path.of("../pdk/examples/project-xyz-as/project-xyz.wasm"));
        try (PluginHost strict = hostWith(limit)) {
            assertThatThrownBy(() -> strict.install(example))
                .isInstanceOf(PluginRejectedException.class)
                .hasMessage(message);
        }
    }

    static Stream<Arguments> limitsJustBelowTheAssemblyScriptExample() {
        return Stream.of(
            limit(limits -> limits.withMaxFunctions(50), "The module defines 51 functions, the limit is 50"),
            limit(limits -> limits.withMaxGlobals(11), "The module defines 12 globals, the limit is 11"),
            limit(limits -> limits.withMaxElementSegments(0), "The module has 1 element segments, the limit is 0"),
            limit(limits -> limits.withMaxDataSegments(212), "The module has 213 data segments, the limit is 212"),
            limit(limits -> limits.withMaxFunctionBodyBytes(100), "Function 17 has 142 bytes of code, the limit is 100"),
            limit(limits -> limits.withMaxTables(0), "The module declares 1 tables, the limit is 0"),
            limit(limits -> limits.withMaxLocalsPerFunction(0), "Function 17 declares 1 locals, the limit is 0"));
    }

    private static Arguments limit(UnaryOperator<ModuleLimits> limit, String message) {
        return Arguments.of(limit, message);
    }

    @Test
    void tablesOfOneInstanceShouldShareOneBudgetOfElements() throws Exception {
        // Behaviour, not speed: a generous timeout, so that a cold JVM on a loaded machine cannot fail the test.
        try (PluginHost patient = new PluginHost(SandboxLimits.builder().callTimeout(Duration.ofSeconds(10)).build(),
            HostCapacity.defaults())) {
            PluginDigest plugin = patient.install(TestPlugins.wasm("table-grow"));

            Outcome outcome = patient.onEmail(plugin, new EmailCall("mallory@example.org", "{}".getBytes(), Map.of(),
                false), VariableReader.NONE);

            assertThat(outcome.resultCode()).as("second table grown past the budget").isZero();
        }
    }

    private static PluginHost hostWith(UnaryOperator<ModuleLimits> limits) {
        return new PluginHost(SandboxLimits.builder().module(limits.apply(ModuleLimits.defaults())).build(),
            HostCapacity.defaults());
    }
}
