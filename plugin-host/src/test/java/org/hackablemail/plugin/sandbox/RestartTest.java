package org.hackablemail.plugin.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hackablemail.plugin.sandbox.TestSandbox.call;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.hackablemail.plugin.PluginDigest;
import org.hackablemail.plugin.host.Outcome;
import org.hackablemail.plugin.host.SandboxLimits;
import org.hackablemail.plugin.host.VariableReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stored plugins keep their compiled code across a restart: new workers serve the first call to each from the disk
 * cache, never asking for the module to compile it again. (A thousand plugins: a benchmark, not a test.)
 */
class RestartTest {
    private static final int PLUGINS = 6;

    @TempDir
    Path code;

    @Test
    void theFirstCallToEachStoredPluginAfterARestartShouldBeServedWithoutCompiling() throws Exception {
        List<PluginDigest> plugins = new ArrayList<>();
        try (TestSandbox before = new TestSandbox(code, settings -> settings.spareWorkers(0))) {
            for (int i = 0; i < PLUGINS; i++) {
                plugins.add(before.install(owner(i), SandboxHostileTest.withCustomSection(TestSandbox.wasm("echo-input"),
                    "plugin-" + i)));
            }
        }

        AtomicInteger sourceReads = new AtomicInteger();
        // Behaviour, not speed: a first call (the code loaded from disk, a first instance) may be slow on a loaded
        // machine; the benchmark measures it.
        try (SandboxClient after = new SandboxClient(SandboxSettings.builder(code).mailWorkers(2).spareWorkers(0)
            .limits(SandboxLimits.builder().callTimeout(TestSandbox.PATIENT).build()).killGrace(Duration.ofSeconds(2))
            .startTimeout(Duration.ofMinutes(2)).queueWait(Duration.ofMinutes(1)).build(),
            digest -> {
                sourceReads.incrementAndGet();
                return Optional.empty();
            }, line -> { })) {
            long[] firstCalls = new long[PLUGINS];
            for (int i = 0; i < PLUGINS; i++) {
                long start = System.nanoTime();
                Outcome outcome = after.onEmail(plugins.get(i), call(owner(i), i), VariableReader.NONE);
                firstCalls[i] = System.nanoTime() - start;
                assertThat(outcome.resultCode()).as(outcome.toString()).isEqualTo(i);
            }
            Arrays.sort(firstCalls);
            System.out.printf("first call after a restart, %d plugins: median %.1f ms, max %.1f ms%n", PLUGINS,
                firstCalls[PLUGINS / 2] / 1e6, firstCalls[PLUGINS - 1] / 1e6);
        }
        assertThat(sourceReads).as("modules asked for, to compile again").hasValue(0);
    }

    private static String owner(int i) {
        return "owner" + i + "@example.org";
    }
}
