package org.hackablemail.plugin.host;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.hackablemail.plugin.PluginDigest;
import org.hackablemail.plugin.email.EmailJson;
import org.hackablemail.plugin.email.IncomingEmail;

/**
 * Prints the plugin host's figures against the targets of docs/design.md. Not a test: run it by hand, e.g.
 * <pre>
 * mvn -q -pl plugin-host test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp plugin-host/target/classes:plugin-host/target/test-classes:$(cat plugin-host/target/cp.txt) \
 *     org.hackablemail.plugin.host.PluginHostBenchmark [plugin.wasm ...]
 * </pre>
 * Without arguments it measures the {@code deliver-input} test plugin.
 */
public final class PluginHostBenchmark {
    private static final int WARM_UP_CALLS = 20_000;
    private static final int MEASURED_CALLS = 50_000;
    private static final int COLD_SAMPLES = 200;
    private static final int INSTALL_SAMPLES = 20;
    private static final int TIMEOUT_SAMPLES = 20;
    private static final Duration RUNAWAY_TIMEOUT = Duration.ofMillis(50);
    private static final byte[] INPUT = EmailJson.toJson(IncomingEmail.builder()
        .sender("alice@example.org").receiver("bob@example.org")
        .headers(Map.of("Subject", "Project XYZ status", "From", "Alice <alice@example.org>", "To", "bob@example.org"))
        .body("Hi Bob,\n\nwhere are we with project XYZ?\n\nAlice\n").messageId("1234@example.org")
        .subject("Project XYZ status").attachments(List.of()).remoteIp("192.0.2.1").size(900L).bodyTruncated(false)
        .receivedAt(1763800000L).build());

    private PluginHostBenchmark() {
    }

    /** The message the benchmarks send: a Project XYZ status mail, as the plugins get it. */
    public static byte[] projectXyzMail() {
        return INPUT.clone();
    }

    public static void main(String[] args) throws Exception {
        List<String> plugins = args.length == 0 ? List.of() : Arrays.asList(args);
        try (PluginHost host = new PluginHost(SandboxLimits.defaults(), HostCapacity.defaults())) {
            if (plugins.isEmpty()) {
                measure(host, "deliver-input (test plugin)", TestPlugins.wasm("deliver-input"));
            }
            for (String plugin : plugins) {
                measure(host, plugin, Files.readAllBytes(Path.of(plugin)));
            }
        }
        measureTimeoutToStop();
    }

    private static void measure(PluginHost host, String name, byte[] wasm) throws Exception {
        System.out.printf("%n== %s (%d bytes)%n", name, wasm.length);
        measureInstall(host, wasm);
        PluginDigest plugin = host.install(wasm);
        Outcome first = host.onEmail(plugin, call("warm@example.org"), VariableReader.NONE);
        System.out.println("outcome: " + first + " " + first.logs());

        for (int i = 0; i < WARM_UP_CALLS; i++) {
            host.onEmail(plugin, call("warm@example.org"), VariableReader.NONE);
        }
        long[] warm = new long[MEASURED_CALLS];
        for (int i = 0; i < MEASURED_CALLS; i++) {
            long start = System.nanoTime();
            host.onEmail(plugin, call("warm@example.org"), VariableReader.NONE);
            warm[i] = System.nanoTime() - start;
        }
        report("warm call (target median <= 50 us, p99 <= 1 ms)", warm);

        long[] cold = new long[COLD_SAMPLES];
        for (int i = 0; i < COLD_SAMPLES; i++) {
            long start = System.nanoTime();
            host.onEmail(plugin, call("owner" + i + "@example.org"), VariableReader.NONE); // a new owner: a new instance
            cold[i] = System.nanoTime() - start;
        }
        report("cold instantiate from cache + call", cold);
    }

    /** Each sample is a module new to the host: the same code with a different custom section, so a new digest. */
    private static void measureInstall(PluginHost host, byte[] wasm) throws Exception {
        long[] installs = new long[INSTALL_SAMPLES];
        long[] firstCalls = new long[INSTALL_SAMPLES];
        for (int i = 0; i < INSTALL_SAMPLES; i++) {
            byte[] variant = withCustomSection(wasm, "benchmark-" + i + "-" + System.nanoTime());
            long start = System.nanoTime();
            PluginDigest plugin = host.install(variant);
            long installed = System.nanoTime();
            host.onEmail(plugin, call("first@example.org"), VariableReader.NONE);
            installs[i] = installed - start;
            firstCalls[i] = System.nanoTime() - installed;
        }
        report("install (validate + AOT compile)", installs);
        report("first call after install", firstCalls);
        long[] total = new long[INSTALL_SAMPLES];
        Arrays.setAll(total, i -> installs[i] + firstCalls[i]);
        report("install + first call (target <= 200 ms)", total);
    }

    private static void measureTimeoutToStop() throws Exception {
        try (PluginHost host = new PluginHost(SandboxLimits.builder().callTimeout(RUNAWAY_TIMEOUT).build(),
            HostCapacity.defaults())) {
            PluginDigest runaway = host.install(TestPlugins.wasm("infinite-loop"));
            host.onEmail(runaway, call("mallory@example.org"), VariableReader.NONE);
            long[] overrun = new long[TIMEOUT_SAMPLES];
            for (int i = 0; i < TIMEOUT_SAMPLES; i++) {
                long start = System.nanoTime();
                host.onEmail(runaway, call("mallory@example.org"), VariableReader.NONE);
                overrun[i] = System.nanoTime() - start - RUNAWAY_TIMEOUT.toNanos();
            }
            System.out.printf("%n== infinite-loop, timeout %d ms%n", RUNAWAY_TIMEOUT.toMillis());
            report("timeout to stop (target <= 5 ms)", overrun);
        }
    }

    private static EmailCall call(String owner) {
        return new EmailCall(owner, INPUT, Map.of(), true);
    }

    private static byte[] withCustomSection(byte[] wasm, String name) {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream section = new ByteArrayOutputStream();
        section.write(0); // custom section id
        section.write(nameBytes.length + 1); // section size, one LEB128 byte for names under 127 bytes
        section.write(nameBytes.length);
        section.writeBytes(nameBytes);
        ByteArrayOutputStream module = new ByteArrayOutputStream();
        module.writeBytes(wasm);
        module.writeBytes(section.toByteArray());
        return module.toByteArray();
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%-45s median %9.1f us   p99 %9.1f us   max %9.1f us   (n=%d)%n", what,
            sorted[sorted.length / 2] / 1e3, sorted[(int) (sorted.length * 0.99)] / 1e3,
            sorted[sorted.length - 1] / 1e3, sorted.length);
    }
}
