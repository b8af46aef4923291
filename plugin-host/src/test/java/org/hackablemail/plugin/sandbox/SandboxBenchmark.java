package org.hackablemail.plugin.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import org.hackablemail.plugin.PluginDigest;
import org.hackablemail.plugin.host.EmailCall;
import org.hackablemail.plugin.host.HostCapacity;
import org.hackablemail.plugin.host.Outcome;
import org.hackablemail.plugin.host.PluginHost;
import org.hackablemail.plugin.host.PluginHostBenchmark;
import org.hackablemail.plugin.host.PluginSandbox;
import org.hackablemail.plugin.host.SandboxLimits;
import org.hackablemail.plugin.host.VariableReader;

/**
 * Prints the sandbox's figures, each against a baseline measured in the same run (the machine is shared and noisy).
 * Not a test: run it by hand, from the repository's root, e.g.
 * <pre>
 * mvn -q -pl plugin-host -am test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp plugin-host/target/classes:plugin-host/target/test-classes:$(cat plugin-host/target/cp.txt) \
 *     -Dplugins=1000 org.hackablemail.plugin.sandbox.SandboxBenchmark [plugin.wasm ...]
 * </pre>
 * {@code -DwarmUpCalls} (5,000) and {@code -DmeasuredCalls} (20,000) set the warm calls per plugin.
 * Without arguments it measures the C and AssemblyScript Project XYZ examples of {@code pdk/examples}.
 * <ol>
 * <li>Cold start of a worker: with an empty code directory (the kernel compiled), then with the kernel on disk.</li>
 * <li>Warm round trip (caller, worker, caller) against the in-process host's warm call, median and p99, per plugin.</li>
 * <li>Timeout to kill: straight-line code that never checks for interruption, 100 ms timeout, 100 ms grace.</li>
 * <li>{@code -Dplugins} owners (1,000 by default) with distinct modules: installed, then the sandbox restarted: the
 * first call to each from the disk cache (no module is handed to the workers again), then mail spread over all of
 * them from 8 threads: throughput, the caller's heap, the workers' resident memory.</li>
 * </ol>
 */
public final class SandboxBenchmark {
    static final int WARM_UP_CALLS = Integer.getInteger("warmUpCalls", 5_000);
    static final int MEASURED_CALLS = Integer.getInteger("measuredCalls", 20_000);
    private static final int KILL_SAMPLES = 5;
    private static final int CALLER_THREADS = 8;
    private static final byte[] MAIL = PluginHostBenchmark.projectXyzMail();

    private SandboxBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Path> plugins = args.length == 0
            ? List.of(Path.of("pdk/examples/project-xyz-c/project-xyz.wasm"),
                Path.of("pdk/examples/project-xyz-as/project-xyz.wasm"))
            : Arrays.stream(args).map(Path::of).toList();
        int owners = Integer.getInteger("plugins", 1_000);
        Path work = Files.createTempDirectory("sandbox-benchmark");

        coldStart(work);
        for (Path plugin : plugins) {
            warmRoundTrip(work.resolve("code"), plugin, MAIL);
        }
        timeoutToKill(work.resolve("kill"));
        restartWithManyOwners(work.resolve("many"), Files.readAllBytes(plugins.get(0)), owners);
    }

    private static void coldStart(Path work) throws Exception {
        System.out.printf("%n== cold start of a worker (one mail worker and the guest worker, started at once)%n");
        Path code = work.resolve("code");
        for (String what : List.of("empty code directory: the kernel compiled", "the kernel's code on disk")) {
            long start = System.nanoTime();
            try (SandboxClient client = client(code, settings -> settings.mailWorkers(1))) {
                if (!client.awaitReady(Duration.ofMinutes(5))) {
                    throw new IllegalStateException("The workers did not start");
                }
                System.out.printf("%-50s %8.0f ms%n", what, (System.nanoTime() - start) / 1e6);
            }
        }
    }

    /** The warm calls of one plugin in process and through a worker, each sample in nanoseconds. */
    record WarmFigures(long[] inProcess, long[] throughWorker) {
    }

    static WarmFigures warmRoundTrip(Path code, Path pluginFile, byte[] mail) throws Exception {
        byte[] wasm = Files.readAllBytes(pluginFile);
        System.out.printf("%n== warm call, %s (%d bytes), a %d-byte message%n", pluginFile, wasm.length, mail.length);
        EmailCall call = new EmailCall("bob@example.org", mail, Map.of(), true);
        long[] inProcess;
        try (PluginHost host = new PluginHost(SandboxLimits.defaults(), HostCapacity.defaults())) {
            inProcess = warmCalls(host, host.install(wasm), call);
        }
        long[] throughWorker;
        try (SandboxClient client = client(code, settings -> settings.mailWorkers(1))) {
            throughWorker = warmCalls(client, client.install("bob@example.org", wasm, true), call);
        }
        report("in process (the baseline)", inProcess);
        report("through a worker (caller -> worker -> caller)", throughWorker);
        System.out.printf("ratio, worker / in process:%20s median %.2f   p99 %.2f%n", "",
            percentile(throughWorker, 0.5) / percentile(inProcess, 0.5),
            percentile(throughWorker, 0.99) / percentile(inProcess, 0.99));
        return new WarmFigures(inProcess, throughWorker);
    }

    private static long[] warmCalls(PluginSandbox sandbox, PluginDigest plugin, EmailCall call) {
        Outcome first = sandbox.onEmail(plugin, call, VariableReader.NONE);
        if (!first.succeeded()) {
            throw new IllegalStateException("The plugin failed: " + first);
        }
        for (int i = 0; i < WARM_UP_CALLS; i++) {
            sandbox.onEmail(plugin, call, VariableReader.NONE);
        }
        long[] nanos = new long[MEASURED_CALLS];
        for (int i = 0; i < MEASURED_CALLS; i++) {
            long start = System.nanoTime();
            sandbox.onEmail(plugin, call, VariableReader.NONE);
            nanos[i] = System.nanoTime() - start;
        }
        return nanos;
    }

    private static void timeoutToKill(Path code) throws Exception {
        Duration timeout = Duration.ofMillis(100);
        Duration grace = Duration.ofMillis(100);
        System.out.printf("%n== straight-line code, timeout %d ms, grace %d ms, one spare worker%n", timeout.toMillis(),
            grace.toMillis());
        long[] toOutcome = new long[KILL_SAMPLES];
        long[] toReplaced = new long[KILL_SAMPLES];
        try (SandboxClient client = client(code, settings -> settings.mailWorkers(1).spareWorkers(1).killGrace(grace)
                .quarantine(Duration.ZERO).workerHeapBytes(512L * 1024 * 1024)
                .limits(SandboxLimits.builder().callTimeout(timeout).pluginMemoryBytes(128L * 1024 * 1024).build()))) {
            PluginDigest fill = client.install("mallory@example.org", TestSandbox.wasm("straight-line-fill"), true);
            for (int i = 0; i < KILL_SAMPLES; i++) {
                long worker = awaitSettled(client);
                long start = System.nanoTime();
                Outcome outcome = client.onEmail(fill, new EmailCall("mallory@example.org", MAIL, Map.of(), true),
                    VariableReader.NONE);
                toOutcome[i] = System.nanoTime() - start - timeout.toNanos();
                while (mailWorker(client) == worker) {
                    Thread.sleep(1);
                }
                toReplaced[i] = System.nanoTime() - start - timeout.toNanos();
                if (outcome.succeeded()) {
                    throw new IllegalStateException("The straight-line plugin was not stopped: " + outcome);
                }
            }
        }
        report("timeout to the caller's outcome (KILLED)", toOutcome);
        report("timeout to the worker replaced", toReplaced);
    }

    private static void restartWithManyOwners(Path code, byte[] wasm, int owners) throws Exception {
        System.out.printf("%n== %d owners, each with a module of its own%n", owners);
        List<PluginDigest> plugins = new ArrayList<>();
        long start = System.nanoTime();
        try (SandboxClient before = client(code, UnaryOperator.identity())) {
            for (int i = 0; i < owners; i++) {
                plugins.add(before.install(owner(i), SandboxHostileTest.withCustomSection(wasm, "owner-" + i), true));
            }
        }
        System.out.printf("installed (validated, compiled, kept on disk) in %.1f s%n", (System.nanoTime() - start) / 1e9);

        AtomicInteger modulesAskedFor = new AtomicInteger();
        long restart = System.nanoTime();
        try (SandboxClient after = new SandboxClient(settings(code, UnaryOperator.identity()), digest -> {
            modulesAskedFor.incrementAndGet();
            return Optional.empty();
        }, line -> { })) {
            if (!after.awaitReady(Duration.ofMinutes(5))) {
                throw new IllegalStateException("The workers did not start");
            }
            System.out.printf("restarted: workers ready in %.0f ms%n", (System.nanoTime() - restart) / 1e6);
            long[] firstCalls = new long[owners];
            List<String> failed = new ArrayList<>();
            for (int i = 0; i < owners; i++) {
                long call = System.nanoTime();
                Outcome outcome = after.onEmail(plugins.get(i), new EmailCall(owner(i), MAIL, Map.of(), true),
                    VariableReader.NONE);
                firstCalls[i] = System.nanoTime() - call;
                outcome.failure().ifPresent(failure -> failed.add(failure.toString()));
            }
            report("first call to each after the restart", firstCalls);
            System.out.printf("failed first calls: %d %s; modules handed to the workers again: %d%n", failed.size(),
                failed, modulesAskedFor.get());
            spreadMail(after, plugins, owners);
        }
    }

    /** Every owner gets mail in turn, from several threads at once, as a busy node would see it. */
    private static void spreadMail(SandboxClient client, List<PluginDigest> plugins, int owners) throws Exception {
        int rounds = Math.max(2, 20_000 / owners);
        ExecutorService callers = Executors.newFixedThreadPool(CALLER_THREADS);
        AtomicInteger failures = new AtomicInteger();
        long start = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int thread = 0; thread < CALLER_THREADS; thread++) {
                int first = thread;
                done.add(callers.submit(() -> {
                    for (int round = 0; round < rounds; round++) {
                        for (int i = first; i < owners; i += CALLER_THREADS) {
                            if (!client.onEmail(plugins.get(i), new EmailCall(owner(i), MAIL, Map.of(), true),
                                VariableReader.NONE).succeeded()) {
                                failures.incrementAndGet();
                            }
                        }
                    }
                }));
            }
            for (Future<?> thread : done) {
                thread.get();
            }
        } finally {
            callers.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long workersResident = client.workers().stream()
            .mapToLong(worker -> worker.residentBytes().orElse(0L)).sum();
        System.out.printf("mail spread over them, %d rounds from %d threads: %.0f calls/s, %d failed; the caller's heap"
                + " %d MiB; the workers' resident memory %d MiB (%d workers)%n", rounds, CALLER_THREADS,
            (double) rounds * owners / seconds, failures.get(), (runtime.totalMemory() - runtime.freeMemory()) >> 20,
            workersResident >> 20, client.workers().size());
    }

    private static SandboxClient client(Path code, UnaryOperator<SandboxSettings.Builder> settings) {
        return new SandboxClient(settings(code, settings), digest -> Optional.empty(), line -> { });
    }

    /** Generous budgets: a benchmark measures speed, it does not test the shares. */
    private static SandboxSettings settings(Path code, UnaryOperator<SandboxSettings.Builder> settings) {
        return settings.apply(SandboxSettings.builder(code)
                .queueWait(Duration.ofMinutes(1))
                .startTimeout(Duration.ofMinutes(5))
                .ownerCpuPerMinute(Duration.ofHours(1))
                .guestTimePerHour(Duration.ofHours(100)))
            .build();
    }

    /** Waits for the mail worker, then a little more: the spare that will replace it starts meanwhile. */
    private static long awaitSettled(SandboxClient client) throws InterruptedException {
        while (mailWorker(client) < 0) {
            Thread.sleep(10);
        }
        Thread.sleep(3_000);
        return mailWorker(client);
    }

    private static long mailWorker(SandboxClient client) {
        return client.workers().stream().filter(worker -> worker.lane().equals("mail-1")).findFirst()
            .map(SandboxClient.WorkerStatus::pid).orElse(-1L);
    }

    private static String owner(int i) {
        return "owner" + i + "@example.org";
    }

    static void report(String what, long[] nanos) {
        System.out.printf("%-50s median %9.1f us   p99 %9.1f us   max %9.1f us   (n=%d)%n", what,
            percentile(nanos, 0.5) / 1e3, percentile(nanos, 0.99) / 1e3, percentile(nanos, 1) / 1e3, nanos.length);
    }

    static double percentile(long[] nanos, double fraction) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * fraction))];
    }
}
