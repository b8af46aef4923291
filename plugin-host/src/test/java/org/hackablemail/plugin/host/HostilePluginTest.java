package org.hackablemail.plugin.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.hackablemail.plugin.PluginDigest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each hostile plugin costs its own calls only. Runs in a JVM with a small heap (see the pom): a sandbox that let
 * a plugin fill the heap would fail with OutOfMemoryError.
 */
@Tag("hostile")
class HostilePluginTest {
    private static final int ATTEMPTS = 3;
    private static final EmailCall CALL = new EmailCall("mallory@example.org",
        "7".getBytes(StandardCharsets.UTF_8), Map.of(), true);

    private static PluginHost host;
    private static PluginDigest wellBehaved;

    @BeforeAll
    static void setUp() throws Exception {
        host = new PluginHost(SandboxLimits.defaults(), HostCapacity.defaults());
        wellBehaved = host.install(TestPlugins.wasm("echo-input"));
        // The JVM's first call loads and verifies much of Chicory: on a busy machine it may take most of a second.
        host.onEmail(wellBehaved, CALL, VariableReader.NONE);
    }

    @AfterAll
    static void tearDown() {
        host.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "infinite-loop, TIMEOUT",
        "start-loop, TIMEOUT",
        "memory-grow-loop, TRAP",
        "kernel-alloc-loop, TIMEOUT",
        "trap, TRAP",
        "infinite-recursion, STACK_EXHAUSTED",
        "non-integer-output, BAD_OUTPUT",
        "huge-output, OUTPUT_TOO_LARGE",
        "output-out-of-bounds, BAD_OUTPUT",
        "http-request, DENIED"})
    void shouldFailOnlyItsOwnCallWhenPluginIsHostile(String plugin, PluginFailure.Reason reason) throws Exception {
        PluginDigest hostile = host.install(TestPlugins.wasm(plugin));

        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Outcome outcome = host.onEmail(hostile, CALL, VariableReader.NONE);

            assertThat(outcome.failure()).as(outcome.toString()).map(PluginFailure::reason).contains(reason);
            assertThat(host.onEmail(wellBehaved, CALL, VariableReader.NONE).resultCode()).isEqualTo(7);
        }
    }
}
