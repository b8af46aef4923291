package org.hackablemail.plugin.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hackablemail.plugin.sandbox.TestSandbox.call;

import java.nio.file.Path;

import org.hackablemail.plugin.PluginDigest;
import org.hackablemail.plugin.host.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One owner's plugin serves call after call through a worker: every call answered with its own input, the caller's
 * heap flat, the worker never replaced (the official Extism JS host breaks after 5,461 calls on one instance).
 */
class SandboxEnduranceTest {
    /** Past the JS host's breaking point; the benchmark runs longer. */
    private static final int CALLS = 10_000;
    private static final int WARM_UP_CALLS = 2_000;
    private static final long MAX_HEAP_GROWTH_BYTES = 16L * 1024 * 1024;

    @TempDir
    Path code;

    @Test
    void shouldServeEveryCallWithFlatMemoryWhenOnePluginRunsTenThousandTimes() throws Exception {
        try (TestSandbox sandbox = new TestSandbox(code, settings -> settings.spareWorkers(0))) {
            PluginDigest echo = sandbox.install("bob@example.org", "echo-input");
            int workersAtStart = sandbox.client.workersStarted();
            long heapAfterWarmUp = 0;
            int failures = 0;
            for (int i = 0; i < CALLS; i++) {
                int number = i % 1000;
                Outcome outcome = sandbox.run(echo, call("bob@example.org", number));
                if (!outcome.succeeded() || outcome.resultCode() != number) {
                    failures++;
                }
                if (i == WARM_UP_CALLS) {
                    heapAfterWarmUp = usedHeapAfterGc();
                }
            }

            assertThat(failures).as(sandbox.log()).isZero();
            assertThat(usedHeapAfterGc() - heapAfterWarmUp).isLessThan(MAX_HEAP_GROWTH_BYTES);
            assertThat(sandbox.client.workersStarted()).as("workers started meanwhile").isEqualTo(workersAtStart);
        }
    }

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
