package org.hackablemail.core.trace;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.hackablemail.core.Owner;

/**
 * The trace in this node's memory, within the retention bounds: for a back-end that has no trace store of its own
 * yet, and for tests. Lost on restart; other nodes do not see it.
 */
public final class InMemoryTraceStore implements TraceStore {
    private final TraceRetention retention;
    private final Clock clock;
    private final Map<Owner, List<TraceEntry>> traces = new ConcurrentHashMap<>();
    private final Map<Owner, Long> latestIds = new ConcurrentHashMap<>();

    public InMemoryTraceStore(TraceRetention retention, Clock clock) {
        this.retention = retention;
        this.clock = clock;
    }

    @Override
    public TraceEntry append(TraceEntry entry) {
        Owner owner = entry.owner();
        List<TraceEntry> trace = traces.computeIfAbsent(owner, any -> new ArrayList<>());
        synchronized (trace) {
            Instant now = clock.instant();
            long id = Math.max(latestIds.getOrDefault(owner, 0L) + 1, now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000);
            TraceEntry stored = entry.withId(id);
            trace.add(stored);
            latestIds.put(owner, id);
            List<TraceEntry> kept = retention.retained(trace, now);
            trace.clear();
            trace.addAll(kept);
            return stored;
        }
    }

    @Override
    public TracePage read(Owner owner, TraceQuery query) {
        List<TraceEntry> trace = traces.getOrDefault(owner, List.of());
        synchronized (trace) {
            return query.pageOf(retention.retained(trace, clock.instant()));
        }
    }

    @Override
    public long latestId(Owner owner) {
        return latestIds.getOrDefault(owner, 0L);
    }

    @Override
    public void delete(Owner owner) {
        List<TraceEntry> trace = traces.getOrDefault(owner, List.of());
        synchronized (trace) {
            traces.remove(owner);
        }
    }

    @Override
    public void purgeExpired() {
        traces.values().forEach(trace -> {
            synchronized (trace) {
                List<TraceEntry> kept = retention.retained(trace, clock.instant());
                trace.clear();
                trace.addAll(kept);
            }
        });
    }
}
