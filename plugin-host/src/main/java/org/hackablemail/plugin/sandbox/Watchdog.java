package org.hackablemail.plugin.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Kills the workers whose requests run past their deadline: it wakes at the earliest deadline of the requests under
 * way (or after {@link #MAX_SLEEP}, for the requests sent meanwhile), and kills the worker of one that ran past its
 * timeout plus the grace, telling that request whether it ran alone there (then it is the one to blame). A worker that
 * does not even start a request for a long while is killed too: it no longer serves. The callers only wait for
 * answers. (A thread waking every few milliseconds instead measurably slowed every call on a loaded machine.)
 */
final class Watchdog implements AutoCloseable {
    /** The longest sleep: a request sent during it with a deadline within it is killed up to this late. */
    private static final long MAX_SLEEP = Duration.ofMillis(100).toNanos();
    private static final long MIN_SLEEP = Duration.ofMillis(1).toNanos();
    /** How long a worker may take to start a request (loading its code from disk, mostly). */
    private static final Duration START_WAIT = Duration.ofSeconds(10);

    private final Supplier<List<Lane>> lanes;
    private final Duration grace;
    private final Consumer<String> log;
    private final Thread thread;
    private final AtomicLong kills = new AtomicLong();
    private volatile boolean closed;

    Watchdog(Supplier<List<Lane>> lanes, Duration grace, Consumer<String> log) {
        this.lanes = lanes;
        this.grace = grace;
        this.log = log;
        this.thread = new Thread(this::watch, "hackablemail-sandbox-watchdog");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void watch() {
        long wakeUp = System.nanoTime();
        while (!closed) {
            try {
                TimeUnit.NANOSECONDS.sleep(Math.max(MIN_SLEEP, wakeUp - System.nanoTime()));
                long now = System.nanoTime();
                wakeUp = now + MAX_SLEEP;
                for (Lane lane : lanes.get()) {
                    Optional<WorkerProcess> worker = lane.worker();
                    if (worker.isPresent()) {
                        wakeUp = Math.min(wakeUp, check(worker.get(), now));
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.accept("Sandbox watchdog: " + e);
            }
        }
    }

    /** Kills the worker if one of its requests is past its deadline; returns the earliest deadline still ahead. */
    private long check(WorkerProcess worker, long now) {
        long earliest = Long.MAX_VALUE;
        for (Exchange exchange : worker.exchanges()) {
            if (exchange.overran(now)) {
                boolean alone = worker.inFlight() == 1;
                String reason = "a request ran past its timeout and the grace of " + grace.toMillis() + " ms";
                exchange.deliver(new Exchange.Overran(alone, reason));
                kills.incrementAndGet();
                worker.kill(reason);
                return Long.MAX_VALUE;
            }
            if (exchange.stuck(now, START_WAIT)) {
                kills.incrementAndGet();
                worker.kill("it did not start a request within " + START_WAIT.toSeconds() + " s");
                return Long.MAX_VALUE;
            }
            earliest = Math.min(earliest, exchange.deadline(START_WAIT));
        }
        return earliest;
    }

    /** Workers killed so far. */
    long kills() {
        return kills.get();
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
