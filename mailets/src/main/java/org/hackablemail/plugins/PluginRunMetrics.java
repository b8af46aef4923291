package org.hackablemail.plugins;

import org.hackablemail.core.plugins.PluginRun;
import org.hackablemail.core.plugins.PluginRunListener;
import org.hackablemail.metrics.BundleMetrics;

/**
 * Counts plugin runs in James's metrics: {@code hackablemail.plugin.runs}, one
 * {@code hackablemail.plugin.outcome.<outcome>} per outcome ({@code delivered}, {@code dropped}, {@code bounced},
 * {@code deferred}, {@code failed_<reason>}), {@code hackablemail.plugin.replies} and
 * {@code hackablemail.plugin.log_lines}. Owners are never part of a name: per-owner figures are in the trace.
 */
public final class PluginRunMetrics implements PluginRunListener {
    private final BundleMetrics metrics;

    public PluginRunMetrics(BundleMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void ran(PluginRun run) {
        metrics.counter("hackablemail.plugin.runs").increment();
        metrics.counter("hackablemail.plugin.outcome." + BundleMetrics.part(run.outcomeLabel())).increment();
        if (run.outcome().reply().isPresent()) {
            metrics.counter("hackablemail.plugin.replies").increment();
        }
        if (!run.outcome().logs().isEmpty()) {
            metrics.counter("hackablemail.plugin.log_lines").add(run.outcome().logs().size());
        }
    }
}
