package org.hackablemail.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;

import org.apache.james.metrics.api.NoopGaugeRegistry;
import org.apache.james.metrics.tests.RecordingMetricFactory;
import org.junit.jupiter.api.Test;

class BundleMetricsTest {
    private final RecordingMetricFactory metricFactory = new RecordingMetricFactory();
    private final BundleMetrics metrics = new BundleMetrics(metricFactory, new NoopGaugeRegistry());

    @Test
    void counterShouldBeJamesMetricOfThatName() {
        metrics.counter("hackablemail.plugin.runs").increment();
        metrics.counter("hackablemail.plugin.runs").increment();

        assertThat(metricFactory.countFor("hackablemail.plugin.runs")).isEqualTo(2);
    }

    @Test
    void summaryShouldHoldEveryCounterAndGauge() {
        AtomicLong depth = new AtomicLong(3);
        metrics.counter("hackablemail.spf.result.pass").add(5);
        metrics.gauge("hackablemail.sandbox.queue_depth", depth::get);
        depth.set(4);

        assertThat(metrics.summary()).containsEntry("hackablemail.spf.result.pass", 5L)
            .containsEntry("hackablemail.sandbox.queue_depth", 4L);
    }

    @Test
    void namesShouldRefuseAnythingButFixedLowerCaseWords() {
        assertThatThrownBy(() -> metrics.counter("hackablemail.plugin.bob@example.org"))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> metrics.counter("james.plugin.runs")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void partShouldTurnAnOutcomeIntoANamePart() {
        assertThat(BundleMetrics.part("failed:stack_exhausted")).isEqualTo("failed_stack_exhausted");
    }
}
