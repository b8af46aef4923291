package org.hackablemail.plugin.sandbox;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.hackablemail.plugin.sandbox.protocol.Frame;

/**
 * One request on one worker, from the caller's side: the frames the worker sends about it, in order, and its end if
 * the worker dies first or is killed for it. Knows its deadline once the worker has started it: its timeout plus the
 * grace, from the moment the plugin's run started. Closing it forgets the request; later frames about it are dropped.
 */
final class Exchange implements AutoCloseable {
    private final long id;
    private final WorkerProcess worker;
    private final long openedNanos = System.nanoTime();
    private final long allowedNanos;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private volatile long startedNanos;
    private volatile boolean started;

    sealed interface Event {
    }

    record Received(Frame frame) implements Event {
    }

    record Died(Death death) implements Event {
    }

    /** It ran past its deadline and its worker was killed; {@code alone}: nothing else ran on that worker. */
    record Overran(boolean alone, String reason) implements Event {
    }

    /** @param allowed the request's timeout plus the grace */
    Exchange(long id, WorkerProcess worker, Duration allowed) {
        this.id = id;
        this.worker = worker;
        this.allowedNanos = allowed.toNanos();
    }

    long id() {
        return id;
    }

    WorkerProcess worker() {
        return worker;
    }

    /** The next event; waits for it. */
    Event next() throws InterruptedException {
        return events.take();
    }

    /** The next event, or null when none came within {@code maxWait}. */
    Event next(Duration maxWait) throws InterruptedException {
        return events.poll(maxWait.toNanos(), TimeUnit.NANOSECONDS);
    }

    void deliver(Event event) {
        events.add(event);
    }

    /** Whether the worker started it: a request that never started cannot be blamed for anything. */
    boolean started() {
        return started;
    }

    /** Only the first start counts: a worker repeating it must not push the deadline back. */
    void started(long nanos) {
        if (!started) {
            startedNanos = nanos;
            started = true;
        }
    }

    /** Past its deadline at {@code now}: started and over its allowance. */
    boolean overran(long now) {
        return started && now - startedNanos > allowedNanos;
    }

    /** Not even started after {@code startWait}: the worker does not take requests any more. */
    boolean stuck(long now, Duration startWait) {
        return !started && now - openedNanos > startWait.toNanos();
    }

    /** When it will have overran (started) or be stuck (not started), in {@link System#nanoTime()}. */
    long deadline(Duration startWait) {
        return started ? startedNanos + allowedNanos : openedNanos + startWait.toNanos();
    }

    @Override
    public void close() {
        worker.forget(this);
    }
}
