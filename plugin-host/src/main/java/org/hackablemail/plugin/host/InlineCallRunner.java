package org.hackablemail.plugin.host;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a plugin call on the calling thread, which a timer interrupts at the deadline: no thread hand-off, for the
 * sandbox worker, whose request threads have the plugin stack size. A call that ignores its interruption
 * (straight-line code) is not given up on: the caller waits, and the worker's client kills the process past the grace.
 */
final class InlineCallRunner implements CallRunner {
    private static final int RUNNING = 0;
    private static final int DONE = 1;
    private static final int INTERRUPTED = 2;

    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
        Thread thread = new Thread(task, "hackablemail-plugin-deadlines");
        thread.setDaemon(true);
        return thread;
    });

    InlineCallRunner() {
        timer.setRemoveOnCancelPolicy(true);
    }

    @Override
    public <T> T run(Callable<T> task, Duration timeout) throws TimeoutException, ExecutionException {
        Thread caller = Thread.currentThread();
        AtomicInteger state = new AtomicInteger(RUNNING);
        ScheduledFuture<?> deadline = timer.schedule(() -> {
            if (state.compareAndSet(RUNNING, INTERRUPTED)) {
                caller.interrupt();
            }
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        T result;
        Exception failure = null;
        try {
            result = task.call();
        } catch (Exception e) {
            result = null;
            failure = e;
        } finally {
            deadline.cancel(false);
        }
        if (!state.compareAndSet(RUNNING, DONE)) {
            Thread.interrupted(); // the flag was the deadline's: the thread goes on to other requests
            throw new TimeoutException("interrupted at its deadline");
        }
        if (failure != null) {
            throw new ExecutionException(failure);
        }
        return result;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
