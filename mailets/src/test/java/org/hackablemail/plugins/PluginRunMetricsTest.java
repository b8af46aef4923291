package org.hackablemail.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.james.metrics.api.NoopGaugeRegistry;
import org.apache.james.metrics.tests.RecordingMetricFactory;
import org.hackablemail.core.Owner;
import org.hackablemail.core.plugins.OwnerPluginsOnDisk;
import org.hackablemail.metrics.BundleMetrics;
import org.hackablemail.plugin.email.IncomingEmail;
import org.hackablemail.plugin.email.PluginInput;
import org.hackablemail.plugin.host.SandboxLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** James's metrics of real plugin runs. */
class PluginRunMetricsTest {
    private static final Path TEST_PLUGINS = Path.of("../plugin-host/src/test/resources/plugins");
    private static final Path EXAMPLES = Path.of("../pdk/examples");
    private static final Owner BOB = Owner.of("bob@example.org");
    private static final PluginInput EMAIL = PluginInput.fitted(IncomingEmail.builder().sender("alice@example.org")
        .receiver("bob@example.org").headers(Map.of("Subject", "Project XYZ")).body("Hello")
        .messageId("<m1@example.org>").subject("Project XYZ").build(), 1024 * 1024);

    @TempDir
    Path directory;

    private final RecordingMetricFactory metricFactory = new RecordingMetricFactory();
    private OwnerPluginsOnDisk onDisk;

    @BeforeEach
    void setUp() {
        onDisk = new OwnerPluginsOnDisk(directory, SandboxLimits.defaults(),
            new PluginRunMetrics(new BundleMetrics(metricFactory, new NoopGaugeRegistry())));
    }

    @AfterEach
    void tearDown() {
        onDisk.close();
    }

    private void runTimes(Path plugin, int times) throws Exception {
        onDisk.plugins().push(BOB, Files.readAllBytes(plugin), List.of(), "test", false);
        for (int i = 0; i < times; i++) {
            onDisk.plugins().run(BOB, EMAIL, true);
        }
    }

    @Test
    void runsShouldBeCountedByOutcome() throws Exception {
        runTimes(EXAMPLES.resolve("project-xyz-c/project-xyz.wasm"), 2);
        runTimes(TEST_PLUGINS.resolve("refuse-77.wasm"), 1);
        runTimes(TEST_PLUGINS.resolve("trap.wasm"), 3);

        assertThat(metricFactory.countFor("hackablemail.plugin.runs")).isEqualTo(6);
        assertThat(metricFactory.countFor("hackablemail.plugin.outcome.delivered")).isEqualTo(2);
        assertThat(metricFactory.countFor("hackablemail.plugin.replies")).isEqualTo(2);
        assertThat(metricFactory.countFor("hackablemail.plugin.outcome.bounced")).isEqualTo(1);
        assertThat(metricFactory.countFor("hackablemail.plugin.outcome.failed_trap")).isEqualTo(3);
    }
}
