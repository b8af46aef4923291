package org.hackablemail.bench;

import java.time.Clock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.james.core.Username;
import org.apache.james.core.builder.MimeMessageBuilder;
import org.apache.james.mailetcontainer.AutomaticallySentMailDetectorImpl;
import org.apache.james.metrics.tests.RecordingMetricFactory;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.hackablemail.core.Owner;
import org.hackablemail.core.plugins.OwnerPlugins;
import org.hackablemail.core.plugins.OwnerPluginsOnDisk;
import org.hackablemail.mailets.WasmPluginMailet;
import org.hackablemail.message.MailSnapshots;
import org.hackablemail.plugins.ReplyBudget;
import org.hackablemail.plugins.SenderVouching;
import org.hackablemail.plugin.host.SandboxLimits;

/**
 * Throughput of {@link WasmPluginMailet#service} with 1 and 2 threads, for a recipient whose plugin is the C Project XYZ
 * example (it delivers; the subject does not trigger a reply), against the same mailet for a recipient without a
 * plugin (the baseline: the mailet's own cost). Not a test; run it by hand:
 * <pre>
 * mvn -q -f mailets/pom.xml test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
 * java -cp mailets/target/test-classes:mailets/target/classes:$(cat mailets/target/bench.classpath) \
 *     org.hackablemail.bench.WasmPluginMailetBenchmark pdk/examples/project-xyz-c/project-xyz.wasm
 * </pre>
 */
public final class WasmPluginMailetBenchmark {
    private static final int WARM_UP_MESSAGES = 20_000;
    private static final int MEASURED_MESSAGES = 40_000;

    private WasmPluginMailetBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path storeDirectory = Files.createTempDirectory("mailet-bench");
        SandboxLimits limits = SandboxLimits.defaults();
        try (OwnerPluginsOnDisk onDisk = new OwnerPluginsOnDisk(storeDirectory, limits)) {
            OwnerPlugins plugins = onDisk.plugins();
            plugins.push(Owner.of("owner@demo.test"), Files.readAllBytes(Path.of(args[0])), List.of(), "bench", false);
            WasmPluginMailet mailet = new WasmPluginMailet(plugins, new AutomaticallySentMailDetectorImpl(),
                new RecordingMetricFactory(), limits, SenderVouching.LOCAL_EVIDENCE_ONLY,
                new ReplyBudget(30, Clock.systemUTC()), new MailSnapshots(), onDisk.circuits(),
                address -> Username.of(address.asString()), Clock.systemUTC());
            mailet.init(FakeMailetConfig.builder().mailetName("bench").mailetContext(FakeMailContext.defaultContext()).build());

            for (int threads = 1; threads <= 2; threads++) {
                double baseline = throughput(mailet, "nobody@demo.test", threads);
                double withPlugin = throughput(mailet, "owner@demo.test", threads);
                System.out.printf(Locale.ROOT, "%d thread(s): no plugin %9.0f msg/s, Project XYZ plugin %8.0f msg/s (%.1f µs/msg)%n",
                    threads, baseline, withPlugin, 1e6 * threads / withPlugin);
            }
        }
    }

    private static double throughput(WasmPluginMailet mailet, String recipient, int threads) throws Exception {
        run(mailet, recipient, threads, WARM_UP_MESSAGES);
        long start = System.nanoTime();
        run(mailet, recipient, threads, MEASURED_MESSAGES);
        return MEASURED_MESSAGES / ((System.nanoTime() - start) / 1e9);
    }

    private static void run(WasmPluginMailet mailet, String recipient, int threads, int messages) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int thread = 0; thread < threads; thread++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < messages / threads; i++) {
                        mailet.service(mail(recipient));
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static Mail mail(String recipient) throws Exception {
        return FakeMail.builder()
            .name("bench")
            .sender("alice@outside.example")
            .recipient(recipient)
            .state("local-delivery")
            .mimeMessage(MimeMessageBuilder.mimeMessageBuilder()
                .addHeader("Message-ID", "<1@outside.example>")
                .setSubject("Weekly numbers")
                .setText("Hi Bob,\n\nthe numbers are up this week.\n\nAlice\n"))
            .build();
    }
}
