package org.hackablemail.storage.cassandra.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.hackablemail.core.Owner;
import org.hackablemail.core.cache.RefreshPolicy;
import org.hackablemail.core.circuit.CircuitBreaker;
import org.hackablemail.core.plugins.OwnerPlugins;
import org.hackablemail.core.plugins.PluginRunListener;
import org.hackablemail.core.store.Storage;
import org.hackablemail.core.store.StorageSettings;
import org.hackablemail.core.store.fs.FileSystemStorage;
import org.hackablemail.plugin.email.IncomingEmail;
import org.hackablemail.plugin.email.PluginInput;
import org.hackablemail.plugin.host.HostCapacity;
import org.hackablemail.plugin.host.PluginHost;
import org.hackablemail.plugin.host.SandboxLimits;
import org.hackablemail.plugin.simulation.SimulationSuite;
import org.hackablemail.storage.cassandra.CassandraSettings;
import org.hackablemail.storage.cassandra.CassandraStorage;
import org.hackablemail.storage.cassandra.testing.SharedCassandra;

/**
 * The owners' plugins ({@link OwnerPlugins}, with its cache) on Cassandra against the file system, in one run (the
 * machine is shared: read the ratios): the lookup of a warm owner's active plugin and a whole plugin call (lookup,
 * variables, the Wasm call), which the caches should make equal; then how long an activation made through one node
 * (driver session A) takes to be seen by mail on another node (session B), at {@code storage.refresh} 5 s and 500 ms.
 * Run by {@code storage-cassandra/bench.sh}; not a test.
 *
 * <p>Argument: the plugin module (it should deliver without writing variables), e.g. the Project XYZ C example.
 */
public final class PluginStorageBenchmark {
    private static final int OWNERS = 50;
    private static final int LOOKUPS = 2_000_000;
    private static final int CALLS = 20_000;
    private static final int ROUNDS = 3;
    private static final Duration POLL = Duration.ofMillis(5);

    private final byte[] wasm;
    private final PluginHost host = new PluginHost(SandboxLimits.defaults(), HostCapacity.defaults());
    private final SimulationSuite simulations = new SimulationSuite(host, SandboxLimits.defaults());
    private final ExecutorService reloads = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "bench-refresh");
        thread.setDaemon(true);
        return thread;
    });
    private final PluginInput input = PluginInput.fitted(IncomingEmail.builder().sender("alice@outside.example")
        .receiver("owner@bench.test").headers(Map.of("Subject", "Weekly numbers")).subject("Weekly numbers")
        .messageId("<1@outside.example>").body("Hi Bob,\n\nthe numbers are up this week.\n\nAlice\n").build(), 1024 * 1024);

    private PluginStorageBenchmark(byte[] wasm) {
        this.wasm = wasm;
    }

    public static void main(String[] args) throws Exception {
        new PluginStorageBenchmark(Files.readAllBytes(Path.of(args[0]))).run();
        System.exit(0);
    }

    private void run() throws Exception {
        CassandraSettings settings = SharedCassandra.settings(SharedCassandra.newKeyspaceName("bench"));
        Duration defaultRefresh = Duration.ofSeconds(5);
        FileSystemStorage files = new FileSystemStorage(Files.createTempDirectory("plugin-bench"), Clock.systemUTC(),
            StorageSettings.defaults());
        try (CassandraStorage nodeA = open(settings, defaultRefresh); CassandraStorage nodeB = open(settings, defaultRefresh)) {
            warmPath(plugins(files, defaultRefresh, run -> { }), plugins(nodeA, defaultRefresh, run -> { }));
            propagation(nodeA, nodeB, defaultRefresh, 10);
        }
        Duration shortRefresh = Duration.ofMillis(500);
        try (CassandraStorage nodeA = open(settings, shortRefresh); CassandraStorage nodeB = open(settings, shortRefresh)) {
            propagation(nodeA, nodeB, shortRefresh, 20);
        }
        host.close();
    }

    /** Warm owners on both stores, measured in alternating rounds; the median round of each is printed. */
    private void warmPath(OwnerPlugins onFiles, OwnerPlugins onCassandra) throws Exception {
        List<Owner> owners = new ArrayList<>();
        for (int i = 0; i < OWNERS; i++) {
            Owner owner = Owner.of("owner" + i + "@bench.test");
            owners.add(owner);
            onFiles.push(owner, wasm, List.of(), "bench", false);
            onCassandra.push(owner, wasm, List.of(), "bench", false);
        }
        double[][] lookups = new double[2][ROUNDS];
        double[][] calls = new double[2][ROUNDS];
        lookups(onFiles, owners);
        lookups(onCassandra, owners);
        calls(onFiles, owners);
        calls(onCassandra, owners);
        for (int round = 0; round < ROUNDS; round++) {
            lookups[0][round] = lookups(onFiles, owners);
            lookups[1][round] = lookups(onCassandra, owners);
            calls[0][round] = calls(onFiles, owners);
            calls[1][round] = calls(onCassandra, owners);
        }
        double filesLookup = median(lookups[0]);
        double cassandraLookup = median(lookups[1]);
        System.out.printf(Locale.ROOT, "warm owner's plugin lookup (hasPlugin), ns: file system %.0f, cassandra %.0f, "
            + "cassandra/file system %.2f%n", filesLookup, cassandraLookup, cassandraLookup / filesLookup);
        double filesCall = median(calls[0]);
        double cassandraCall = median(calls[1]);
        System.out.printf(Locale.ROOT, "warm owner's plugin call (run), µs: file system %.1f, cassandra %.1f, "
            + "cassandra/file system %.2f%n", filesCall / 1e3, cassandraCall / 1e3, cassandraCall / filesCall);
    }

    /** Nanoseconds per lookup. */
    private static double lookups(OwnerPlugins plugins, List<Owner> owners) {
        int found = 0;
        long start = System.nanoTime();
        for (int i = 0; i < LOOKUPS; i++) {
            found += plugins.hasPlugin(owners.get(i % owners.size())) ? 1 : 0;
        }
        double nanos = (System.nanoTime() - start) / (double) LOOKUPS;
        if (found != LOOKUPS) {
            throw new IllegalStateException("a warm owner lost their plugin");
        }
        return nanos;
    }

    /** Nanoseconds per call. */
    private double calls(OwnerPlugins plugins, List<Owner> owners) {
        long start = System.nanoTime();
        for (int i = 0; i < CALLS; i++) {
            if (!plugins.run(owners.get(i % owners.size()), input, false).orElseThrow().succeeded()) {
                throw new IllegalStateException("the plugin failed");
            }
        }
        return (System.nanoTime() - start) / (double) CALLS;
    }

    /**
     * An owner with two versions; node A activates them in turn, node B runs the plugin every {@link #POLL} (mail
     * arriving) until it runs the version just activated. Timed from the start of the activation on A; a random pause
     * between samples spreads them over B's refresh cycle.
     */
    private void propagation(Storage nodeA, Storage nodeB, Duration refresh, int samples) throws Exception {
        Owner owner = Owner.of("moving" + refresh.toMillis() + "@bench.test");
        AtomicInteger ranOnB = new AtomicInteger();
        OwnerPlugins onA = plugins(nodeA, refresh, run -> { });
        OwnerPlugins onB = plugins(nodeB, refresh, run -> ranOnB.set(run.version()));
        int first = onA.push(owner, wasm, List.of(), "bench", false).version();
        int second = onA.push(owner, wasm, List.of(), "bench", false).version();
        Random random = new Random(42);
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            int version = ranOnB(onB, owner, ranOnB) == first ? second : first;
            Thread.sleep(random.nextInt((int) refresh.toMillis()));
            long start = System.nanoTime();
            onA.activate(owner, version, "bench");
            while (ranOnB(onB, owner, ranOnB) != version) {
                Thread.sleep(POLL.toMillis());
            }
            millis.add((System.nanoTime() - start) / 1e6);
        }
        millis.sort(Double::compare);
        System.out.printf(Locale.ROOT, "an activation on node A run by node B's mail, storage.refresh %d ms, ms: median %.0f, "
            + "max %.0f (%d samples, mail every %d ms)%n", refresh.toMillis(), millis.get(millis.size() / 2),
            millis.get(millis.size() - 1), samples, POLL.toMillis());
    }

    private int ranOnB(OwnerPlugins onB, Owner owner, AtomicInteger ranOnB) {
        onB.run(owner, input, false).orElseThrow();
        return ranOnB.get();
    }

    private OwnerPlugins plugins(Storage storage, Duration refresh, PluginRunListener listener) {
        RefreshPolicy policy = new RefreshPolicy(refresh, Clock.systemUTC(), reloads);
        return new OwnerPlugins(storage.plugins(), storage.variables(), host, simulations, storage.audit(),
            new CircuitBreaker(storage.circuits(), CircuitBreaker.Settings.DEFAULT, Clock.systemUTC(), policy), policy,
            listener);
    }

    private static CassandraStorage open(CassandraSettings settings, Duration refresh) throws InterruptedException {
        return CassandraStorage.open(settings, StorageSettings.defaults(), refresh, Clock.systemUTC(), SharedCassandra.FAST_DDL);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
