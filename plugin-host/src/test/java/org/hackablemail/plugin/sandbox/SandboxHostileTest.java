package org.hackablemail.plugin.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hackablemail.plugin.sandbox.TestSandbox.call;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.hackablemail.plugin.PluginDigest;
import org.hackablemail.plugin.host.CompileOverrunException;
import org.hackablemail.plugin.host.HostCapacity;
import org.hackablemail.plugin.host.Outcome;
import org.hackablemail.plugin.host.PluginFailure;
import org.hackablemail.plugin.host.PluginRejectedException;
import org.hackablemail.plugin.host.SandboxLimits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The hostile plugins through the sandbox workers, each attack class with a well-behaved owner's mail running on the
 * same worker meanwhile: the attacker's call ends as the policy says, the other owner's calls all succeed (their p99
 * latency during the attack is printed), the caller's heap stays flat (this class runs in a small heap: see the pom),
 * and a worker that had to be killed is replaced.
 */
@Tag("hostile")
class SandboxHostileTest {
    /**
     * Behaviour, not speed: long enough for a well-behaved call on a loaded machine, where hostile ones run for ever
     * (the straight-line one for a minute or more, bound by memory bandwidth).
     */
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Duration GRACE = Duration.ofSeconds(2);
    private static final String MALLORY = "mallory@example.org";
    /** The attacker whose plugin gets its worker killed: quarantined after, so kept apart from the other attacks. */
    private static final String TRUDY = "trudy@example.org";
    private static final String ALICE = "alice@example.org";
    private static final long MAX_HEAP_GROWTH_BYTES = 16L * 1024 * 1024;

    @TempDir
    static Path code;

    private static TestSandbox sandbox;
    private static PluginDigest wellBehaved;
    private static long heapAtStart;

    @BeforeAll
    static void start() throws Exception {
        // One mail worker, which the attacker and the well-behaved owner share: the worst case for the latter.
        sandbox = new TestSandbox(code, settings -> settings
            .limits(SandboxLimits.builder().callTimeout(TIMEOUT).compileTimeout(Duration.ofSeconds(60))
                .pluginMemoryBytes(128L * 1024 * 1024).build())
            .workerCapacity(new HostCapacity(4L * 1024 * 1024, 2, 64L * 1024 * 1024, 64))
            .workerHeapBytes(512L * 1024 * 1024)
            .diskCodeBytes(2L * 1024 * 1024)
            .killGrace(GRACE)
            .ownerCpuPerMinute(Duration.ofMinutes(10)));
        wellBehaved = sandbox.install(ALICE, "echo-input");
        for (int i = 0; i < 200; i++) {
            sandbox.run(wellBehaved, call(ALICE, i));
        }
        heapAtStart = usedHeapAfterGc();
    }

    @AfterAll
    static void stop() {
        long growth = usedHeapAfterGc() - heapAtStart;
        sandbox.close();
        assertThat(growth).as("the caller's heap growth over the attacks").isLessThan(MAX_HEAP_GROWTH_BYTES);
    }

    @Test
    void straightLineCodeShouldGetItsWorkerKilledAndReplacedWhileOthersMailFlows() throws Exception {
        PluginDigest fill = sandbox.install(TRUDY, "straight-line-fill");
        String lane = sandbox.client.mailLaneOf(TRUDY);
        long worker = sandbox.pid(lane);

        Outcome[] outcome = new Outcome[1];
        long[] elapsed = new long[1];
        List<Long> latencies = whileOthersMailFlows(() -> {
            long start = System.nanoTime();
            outcome[0] = sandbox.run(fill, call(TRUDY, 0));
            elapsed[0] = System.nanoTime() - start;
        });

        assertThat(outcome[0].failure()).as(sandbox.log()).hasValueSatisfying(failure -> {
            assertThat(failure.reason()).isEqualTo(PluginFailure.Reason.KILLED);
            assertThat(failure.hostCaused()).isFalse();
            assertThat(failure.message()).contains("ran past its timeout of 5000 ms and the grace of 2000 ms");
        });
        assertThat(sandbox.awaitReplacement(lane, worker)).isNotEqualTo(worker);
        assertThat(sandbox.client.stats().workersKilled()).isPositive();
        report("straight-line-fill", latencies, "timeout to kill reported "
            + (elapsed[0] - TIMEOUT.toNanos()) / 1_000_000 + " ms (grace " + GRACE.toMillis() + " ms, co-tenant"
            + " calls killed with it, then run again alone)");
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
        "http-request, DENIED",
        "var-flood, DENIED"})
    void aHostileCallShouldFailAloneWithoutKillingItsWorker(String plugin, PluginFailure.Reason reason)
            throws Exception {
        PluginDigest hostile = sandbox.install(MALLORY, plugin);
        String lane = sandbox.client.mailLaneOf(MALLORY);
        long worker = sandbox.pid(lane);

        Outcome[] outcome = new Outcome[1];
        List<Long> latencies = whileOthersMailFlows(() -> outcome[0] = sandbox.run(hostile, call(MALLORY, 0)));

        assertThat(outcome[0].failure()).as(outcome[0].toString()).map(PluginFailure::reason).contains(reason);
        assertThat(outcome[0].variableWrites()).isEmpty();
        assertThat(sandbox.variable(MALLORY, "n")).isEmpty();
        assertThat(sandbox.pid(lane)).as("the worker interrupted it: nothing to kill").isEqualTo(worker);
        report(plugin, latencies, "");
    }

    @Test
    void tablesShouldShareOneBudgetOfElements() throws Exception {
        PluginDigest tables = sandbox.install(MALLORY, "table-grow");

        Outcome[] outcome = new Outcome[1];
        List<Long> latencies = whileOthersMailFlows(() -> outcome[0] = sandbox.run(tables, call(MALLORY, 0)));

        assertThat(outcome[0].resultCode()).as("second table grown past the budget").isZero();
        report("table-grow", latencies, "");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "huge-locals | Function 0 declares 49000 locals, the limit is 4096",
        "many-tables | The module declares 1000 tables, the limit is 4"})
    void aModuleOverAValidationLimitShouldBeRefusedBeforeItIsCompiled(String plugin, String message) {
        assertThatThrownBy(() -> sandbox.install(MALLORY, plugin))
            .isInstanceOf(PluginRejectedException.class)
            .hasMessage(message);
    }

    @Test
    void compileBombsShouldTakeTheGuestWorkerOnlyWhileOthersMailFlows() throws Exception {
        List<Long> latencies = whileOthersMailFlows(() -> {
            for (String bomb : List.of("compile-bomb-small", "compile-bomb")) {
                long start = System.nanoTime();
                try {
                    sandbox.install(MALLORY, bomb);
                } catch (PluginRejectedException e) {
                    throw new IllegalStateException(e);
                }
                System.out.printf("%s (%d bytes): installed in %d ms%n", bomb, TestSandbox.wasm(bomb).length,
                    (System.nanoTime() - start) / 1_000_000);
            }
        });

        report("compile bombs of growing size", latencies, "");
    }

    @Test
    void aCompileBombOverItsBudgetShouldBeRefusedAndItsWorkerEnded(@TempDir Path otherCode) throws Exception {
        try (TestSandbox strict = new TestSandbox(otherCode, settings -> settings.spareWorkers(0)
            .limits(SandboxLimits.builder().compileTimeout(Duration.ofMillis(200)).build()))) {
            long guest = strict.pid("guest");

            assertThatThrownBy(() -> strict.install(MALLORY, "compile-bomb"))
                .isInstanceOf(CompileOverrunException.class)
                .hasMessage("Compiling the module took longer than 200 ms, the limit");
            assertThat(strict.awaitReplacement("guest", guest)).isNotEqualTo(guest);
        }
    }

    @Test
    void distinctLargeModulesShouldNotOutgrowTheCodeCaches() throws Exception {
        byte[] bomb = TestSandbox.wasm("compile-bomb-small");
        List<PluginDigest> flood = new ArrayList<>();
        List<Long> latencies = whileOthersMailFlows(() -> {
            for (int i = 0; i < 12; i++) {
                try {
                    flood.add(sandbox.install(MALLORY, withCustomSection(bomb, "flood-" + i)));
                } catch (PluginRejectedException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        for (PluginDigest plugin : flood) {
            // The bomb returns without an output: a plugin failure, which shows it ran; or compiled again meanwhile.
            assertThat(sandbox.run(plugin, call(MALLORY, 0)).failure()).map(PluginFailure::reason)
                .hasValueSatisfying(reason -> assertThat(reason)
                    .isIn(PluginFailure.Reason.BAD_OUTPUT, PluginFailure.Reason.NOT_COMPILED));
        }

        try (Stream<Path> files = Files.walk(code)) {
            long onDisk = files.filter(Files::isRegularFile).mapToLong(SandboxHostileTest::size).sum();
            assertThat(onDisk).as("compiled code on disk").isLessThanOrEqualTo(2L * 1024 * 1024 + 256 * 1024);
        }
        report("cache flooding with 12 distinct modules of " + bomb.length + " bytes", latencies,
            "workers: " + sandbox.client.workers());
    }

    /** Runs the attack while the well-behaved owner sends mail after mail; all of theirs must succeed. */
    private static List<Long> whileOthersMailFlows(Attack attack) throws Exception {
        AtomicBoolean attacking = new AtomicBoolean(true);
        List<Long> latencies = new ArrayList<>();
        List<Outcome> failures = new ArrayList<>();
        Thread others = new Thread(() -> {
            for (int i = 0; attacking.get(); i++) {
                long start = System.nanoTime();
                Outcome outcome = sandbox.run(wellBehaved, call(ALICE, i % 1000));
                latencies.add(System.nanoTime() - start);
                if (!outcome.succeeded() || outcome.resultCode() != i % 1000) {
                    failures.add(outcome);
                }
            }
        });
        others.start();
        try {
            attack.run();
        } finally {
            attacking.set(false);
            others.join();
        }
        assertThat(failures).as("the well-behaved owner's calls during the attack").isEmpty();
        return latencies;
    }

    @FunctionalInterface
    private interface Attack {
        void run() throws Exception;
    }

    private static void report(String attack, List<Long> latencies, String more) {
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("%s: the other owner's %d calls meanwhile, median %.1f ms, p99 %.1f ms, max %.1f ms. %s%n",
            attack, sorted.length, percentile(sorted, 0.5), percentile(sorted, 0.99), percentile(sorted, 1), more);
    }

    private static double percentile(long[] sorted, double fraction) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * fraction))] / 1e6;
    }

    /** The same module under another digest: a custom section appended. */
    static byte[] withCustomSection(byte[] wasm, String name) {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream module = new ByteArrayOutputStream();
        module.writeBytes(wasm);
        module.write(0); // custom section id
        module.write(nameBytes.length + 1); // section size: one LEB128 byte for names under 127 bytes
        module.write(nameBytes.length);
        module.writeBytes(nameBytes);
        return module.toByteArray();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return 0; // evicted meanwhile
        }
    }

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
