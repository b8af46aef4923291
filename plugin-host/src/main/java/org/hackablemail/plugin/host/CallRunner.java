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
 * Runs plugin calls on worker threads and interrupts them at their deadline; Chicory checks the interrupt flag
 * in loops and calls, so a runaway plugin stops within a millisecond or so. Workers have a stack of a known
 * size, so how deep a plugin may recurse does not depend on the caller's thread.
 */
final class CallRunner implements AutoCloseable {
    /** How long a timed-out call may take to notice its interruption before the caller gives up on it. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(1);

    private final ThreadPoolExecutor workers;

    CallRunner(int maxThreads, long stackBytes) {
        AtomicInteger count = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(0, maxThreads, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
            task -> {
                Thread thread = new Thread(null, task, "hackablemail-plugin-" + count.incrementAndGet(), stackBytes);
                thread.setDaemon(true);
                return thread;
            });
    }

    /**
     * @throws TimeoutException when the task ran past {@code timeout}; it was interrupted and, unless it ignored
     *     the interruption for {@link #STOP_GRACE}, has stopped
     * @throws RejectedExecutionException when all workers are busy
     */
    <T> T run(Callable<T> task, Duration timeout) throws TimeoutException, ExecutionException, InterruptedException {
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
            stopped.await(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
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
