package org.hackablemail.plugin.host;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

/** The CPU time one thread spends on a call, readable from another thread while the call still runs. */
final class CpuClock {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private volatile long threadId = -1;
    private volatile long startNanos;
    private volatile long spentNanos = -1;

    /** On the thread that runs the call, as it starts. */
    void start() {
        threadId = Thread.currentThread().getId();
        startNanos = THREADS.getCurrentThreadCpuTime();
    }

    /** On the same thread, as it ends. */
    void stop() {
        spentNanos = THREADS.getCurrentThreadCpuTime() - startNanos;
    }

    /** What the thread spent so far, or in all once stopped; zero if it never started. */
    Duration spent() {
        long spent = spentNanos;
        if (spent >= 0) {
            return Duration.ofNanos(spent);
        }
        long thread = threadId;
        if (thread < 0) {
            return Duration.ZERO;
        }
        long now = THREADS.getThreadCpuTime(thread);
        return now < 0 ? Duration.ZERO : Duration.ofNanos(Math.max(0, now - startNanos));
    }
}
