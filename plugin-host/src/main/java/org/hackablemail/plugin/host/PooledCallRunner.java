package org.hackablemail.plugin.host;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs plugin calls on threads of their own and interrupts them at their deadline; Chicory checks the interrupt flag
 * in loops and calls, so a plugin in a loop stops within a millisecond or so. Straight-line code does not: the caller
 * gives up waiting for it after {@code stopGrace}, leaving its thread to run on (which only ending the process stops:
 * hence the sandbox workers). Threads have a stack of a known size, so how deep a plugin may recurse does not depend on
 * the caller's thread.
 */
final class PooledCallRunner implements CallRunner {
    private final ThreadPoolExecutor workers;
    private final Duration stopGrace;

    /** @param stopGrace how long a timed-out call may take to stop before the caller gives up on it */
    PooledCallRunner(int maxThreads, long stackBytes, Duration stopGrace) {
        this.stopGrace = stopGrace;
        AtomicInteger count = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(0, maxThreads, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
            task -> {
                Thread thread = new Thread(null, task, "hackablemail-plugin-" + count.incrementAndGet(), stackBytes);
                thread.setDaemon(true);
                return thread;
            });
    }

    /** @throws RejectedExecutionException when all its threads are busy */
    @Override
    public <T> T run(Callable<T> task, Duration timeout) throws TimeoutException, ExecutionException, InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Future<T> future = workers.submit(() -> {
            try {
                return task.call();
            } finally {
                stopped.countDown();
            }
        });
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            if (!future.cancel(true)) {
                return future.get(); // it finished right at the deadline
            }
            stopped.await(stopGrace.toMillis(), TimeUnit.MILLISECONDS);
            throw e;
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
