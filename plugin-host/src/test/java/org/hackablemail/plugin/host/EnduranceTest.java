package org.hackablemail.plugin.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.hackablemail.plugin.PluginDigest;
import org.junit.jupiter.api.Test;

/**
 * One plugin instance serves call after call: the kernel is reset before each, so memory stays flat (the
 * official Extism JS host breaks after 5,461 calls on one instance, for lack of that reset).
 */
class EnduranceTest {
    private static final int CALLS = 50_000;
    private static final int WARM_UP_CALLS = 10_000;
    private static final long MAX_HEAP_GROWTH_BYTES = 16L * 1024 * 1024;

    @Test
    void shouldServeEveryCallWithFlatMemoryWhenOnePluginRunsFiftyThousandTimes() throws Exception {
        // Behaviour, not speed: a generous timeout, so that a loaded machine cannot fail the test.
        SandboxLimits patient = SandboxLimits.builder().callTimeout(Duration.ofSeconds(10)).build();
        try (PluginHost host = new PluginHost(patient, HostCapacity.defaults())) {
            PluginDigest echo = host.install(TestPlugins.wasm("echo-input"));
            long heapAfterWarmUp = 0;
            int failures = 0;
            for (int call = 0; call < CALLS; call++) {
                int number = call % 1000;
                Outcome outcome = host.onEmail(echo, new EmailCall("bob@example.org",
                    Integer.toString(number).getBytes(StandardCharsets.UTF_8), Map.of(), true), VariableReader.NONE);
                if (!outcome.succeeded() || outcome.resultCode() != number) {
                    failures++;
                }
                if (call == WARM_UP_CALLS) {
                    heapAfterWarmUp = usedHeapAfterGc();
                }
            }

            assertThat(failures).isZero();
            assertThat(usedHeapAfterGc() - heapAfterWarmUp).isLessThan(MAX_HEAP_GROWTH_BYTES);
        }
    }

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
