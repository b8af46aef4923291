package org.hackablemail.metrics;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import javax.inject.Inject;

import org.apache.james.metrics.api.GaugeRegistry;
import org.apache.james.metrics.api.Metric;
import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.metrics.api.TimeMetric;

/**
 * The bundle's metrics, made through James's {@link MetricFactory} and {@link GaugeRegistry}, so that James exports
 * them wherever it exports its own (JMX, and its Prometheus route {@code /metrics} once enabled); the counters and
 * gauges are also summarized in {@code /hackable/status}. Names are fixed words under {@code hackablemail.}: never an
 * address or anything else a sender or an owner chooses (that route is unauthenticated, and each name is a series).
 * docs/metrics.md lists them.
 */
public class BundleMetrics {
    private static final Pattern NAME = Pattern.compile("hackablemail(\\.[a-z0-9_]+)+");

    private final MetricFactory metricFactory;
    private final GaugeRegistry gaugeRegistry;
    private final Map<String, Metric> counters = new ConcurrentHashMap<>();
    private final Map<String, Supplier<? extends Number>> gauges = new ConcurrentHashMap<>();

    @Inject
    public BundleMetrics(MetricFactory metricFactory, GaugeRegistry gaugeRegistry) {
        this.metricFactory = metricFactory;
        this.gaugeRegistry = gaugeRegistry;
    }

    /** A counter, e.g. {@code hackablemail.plugin.runs}. */
    public Metric counter(String name) {
        return counters.computeIfAbsent(checked(name), metricFactory::generate);
    }

    /** A timer started now, e.g. {@code hackablemail.plugin.call}; James keeps its count and quantiles. */
    public TimeMetric timer(String name) {
        return metricFactory.timer(checked(name));
    }

    /** A value read when the metrics are, e.g. a queue depth. The first gauge registered under a name stays. */
    public void gauge(String name, Supplier<? extends Number> value) {
        if (gauges.putIfAbsent(checked(name), value) == null) {
            gaugeRegistry.register(name, value::get);
        }
    }

    /** Every counter and gauge made so far, by name. */
    public Map<String, Number> summary() {
        Map<String, Number> summary = new TreeMap<>();
        counters.forEach((name, counter) -> summary.put(name, counter.getCount()));
        gauges.forEach((name, value) -> summary.put(name, value.get()));
        return summary;
    }

    /** Turns a fixed word from an enumeration (an outcome, a result) into a name part: {@code failed:timeout} -> {@code failed_timeout}. */
    public static String part(String word) {
        return word.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    }

    private static String checked(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a metric name of the bundle: '" + name + "'");
        }
        return name;
    }
}
