package org.hackablemail.core.plugins;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

import org.hackablemail.core.Owner;
import org.hackablemail.plugin.host.Outcome;

/**
 * Calls, outcomes and latency of each owner's plugin since James started, for the admin routes. Kept in memory only:
 * James's metrics are the durable, aggregated view.
 */
public class PluginStats {
    private final Map<Owner, OwnerCounters> byOwner = new ConcurrentHashMap<>();

    /** What an owner's plugin did since James started; outcomes are e.g. {@code returned 0}, {@code failed: timeout}. */
    public record Snapshot(long calls, long delivered, long replied, Map<String, Long> outcomes,
                           double meanLatencyMillis, double maxLatencyMillis) {
        static final Snapshot NONE = new Snapshot(0, 0, 0, Map.of(), 0, 0);
    }

    void record(Owner owner, Outcome outcome, Duration latency) {
        byOwner.computeIfAbsent(owner, any -> new OwnerCounters()).record(outcome, latency);
    }

    Snapshot snapshot(Owner owner) {
        OwnerCounters counters = byOwner.get(owner);
        return counters == null ? Snapshot.NONE : counters.snapshot();
    }

    void forget(Owner owner) {
        byOwner.remove(owner);
    }

    private static final class OwnerCounters {
        private final LongAdder calls = new LongAdder();
        private final LongAdder delivered = new LongAdder();
        private final LongAdder replied = new LongAdder();
        private final LongAdder totalNanos = new LongAdder();
        private final LongAccumulator maxNanos = new LongAccumulator(Math::max, 0);
        private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();

        void record(Outcome outcome, Duration latency) {
            calls.increment();
            outcome.delivered().ifPresent(any -> delivered.increment());
            outcome.reply().ifPresent(any -> replied.increment());
            totalNanos.add(latency.toNanos());
            maxNanos.accumulate(latency.toNanos());
            String label = outcome.failure()
                .map(failure -> "failed: " + failure.reason().label())
                .orElseGet(() -> "returned " + outcome.resultCode());
            outcomes.computeIfAbsent(label, any -> new LongAdder()).increment();
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
