package org.hackablemail.core.trace;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.hackablemail.core.Owner;
import org.hackablemail.core.plugins.PluginRun;
import org.hackablemail.core.plugins.PluginRunListener;

/**
 * The owners' traces: records every plugin run in the {@link TraceStore}, reads them back, and lets a reader wait
 * for the next entry (long polling). A reader waiting on this node is woken at once by a run recorded here; runs
 * recorded by other nodes are seen at the next check, every {@code recheck}.
 */
public class PluginTrace implements PluginRunListener {
    private final TraceStore store;
    private final Duration recheck;
    private final Map<Owner, Object> signals = new ConcurrentHashMap<>();

    public PluginTrace(TraceStore store, Duration recheck) {
        this.store = store;
        this.recheck = recheck;
    }

    /** Appends the run's entry; a store failure propagates, for the caller to report. */
    @Override
    public void ran(PluginRun run) {
        store.append(TraceEntries.of(run));
        Object signal = signals.get(run.owner());
        if (signal != null) {
            synchronized (signal) {
                signal.notifyAll();
            }
        }
    }

    public TracePage read(Owner owner, TraceQuery query) {
        return store.read(owner, query);
    }

    /**
     * The entries after {@code query.after()}, waiting up to {@code wait} for the first of them: an empty page when
     * none came in time.
     *
     * @throws IllegalArgumentException when the query has no {@code after}
     */
    public TracePage await(Owner owner, TraceQuery query, Duration wait) throws InterruptedException {
        long after = query.after().orElseThrow(() -> new IllegalArgumentException("Waiting needs 'after'"));
        long deadline = System.nanoTime() + wait.toNanos();
        Object signal = signals.computeIfAbsent(owner, any -> new Object());
        synchronized (signal) {
            while (store.latestId(owner) <= after) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return TracePage.EMPTY;
                }
                TimeUnit.NANOSECONDS.timedWait(signal, Math.min(left, recheck.toNanos()));
            }
        }
        return store.read(owner, query);
    }

    /** The id of the owner's latest entry; 0 when there never was one. */
    public long latestId(Owner owner) {
        return store.latestId(owner);
    }

    public void delete(Owner owner) {
        store.delete(owner);
    }
}
