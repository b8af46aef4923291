package org.hackablemail.core.plugins;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

import org.hackablemail.core.Owner;

/**
 * Calls, outcomes and latency of each version of each owner's plugin since James started, for the admin routes and
 * the owner. Kept in memory only: the trace tells what happened to each message, James's metrics give the
 * aggregated, durable view.
 */
public class PluginStats {
    private final Map<Owner, Map<Integer, VersionCounters>> byOwner = new ConcurrentHashMap<>();

    /** What one version did; outcomes as {@link PluginRun#outcomeLabel()}, e.g. {@code delivered}, {@code failed:timeout}. */
    public record Snapshot(long calls, long delivered, long replied, Map<String, Long> outcomes,
                           double meanLatencyMillis, double maxLatencyMillis) {
        public static final Snapshot NONE = new Snapshot(0, 0, 0, Map.of(), 0, 0);
    }

    void record(PluginRun run) {
        byOwner.computeIfAbsent(run.owner(), any -> new ConcurrentHashMap<>())
            .computeIfAbsent(run.version(), any -> new VersionCounters())
            .record(run);
    }

    /** Each version that ran since James started, by number. */
    Map<Integer, Snapshot> snapshot(Owner owner) {
        Map<Integer, Snapshot> snapshots = new TreeMap<>();
        byOwner.getOrDefault(owner, Map.of()).forEach((version, counters) -> snapshots.put(version, counters.snapshot()));
        return snapshots;
    }

    void forget(Owner owner) {
        byOwner.remove(owner);
    }

    private static final class VersionCounters {
        private final LongAdder calls = new LongAdder();
        private final LongAdder delivered = new LongAdder();
        private final LongAdder replied = new LongAdder();
        private final LongAdder totalNanos = new LongAdder();
        private final LongAccumulator maxNanos = new LongAccumulator(Math::max, 0);
        private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();

        void record(PluginRun run) {
            calls.increment();
            run.outcome().delivered().ifPresent(any -> delivered.increment());
            run.outcome().reply().ifPresent(any -> replied.increment());
            totalNanos.add(run.took().toNanos());
            maxNanos.accumulate(run.took().toNanos());
            outcomes.computeIfAbsent(run.outcomeLabel(), any -> new LongAdder()).increment();
        }

        Snapshot snapshot() {
            long count = calls.sum();
            Map<String, Long> counts = new TreeMap<>();
            outcomes.forEach((label, adder) -> counts.put(label, adder.sum()));
            return new Snapshot(count, delivered.sum(), replied.sum(), counts,
                count == 0 ? 0 : totalNanos.sum() / 1e6 / count, maxNanos.get() / 1e6);
        }
    }
}
