package org.hackablemail.plugin.sandbox;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.hackablemail.plugin.sandbox.protocol.WorkerConfig;

/**
 * Starts worker processes, and keeps {@code spares} of them started and warmed up, so that a worker that dies is
 * replaced at once rather than after a JVM's start.
 */
final class WorkerSupply {
    private final List<String> command;
    private final WorkerConfig config;
    private final Duration startTimeout;
    private final int spares;
    private final Executor starts;
    private final Consumer<String> log;
    private final Deque<WorkerProcess> ready = new ArrayDeque<>();
    private final AtomicInteger started = new AtomicInteger();
    private int startingSpares;
    private boolean keepingSpares;
    private boolean closed;

    WorkerSupply(List<String> command, WorkerConfig config, Duration startTimeout, int spares, Executor starts,
                 Consumer<String> log) {
        this.command = command;
        this.config = config;
        this.startTimeout = startTimeout;
        this.spares = spares;
        this.starts = starts;
        this.log = log;
    }

    /** A ready worker for {@code role}: a spare if one is up, else one started now (blocking). */
    WorkerProcess take(String role) throws IOException {
        WorkerProcess spare = takeSpare();
        refill();
        return spare != null ? spare : start(role);
    }

    /** Starts the spares in the background, and from now on replaces each one taken. */
    void fill() {
        synchronized (this) {
            keepingSpares = true;
        }
        refill();
    }

    /** Worker processes started since the client started: the replacements are the rest beyond the first ones. */
    int started() {
        return started.get();
    }

    synchronized void close() {
        closed = true;
        ready.forEach(WorkerProcess::close);
        ready.clear();
    }

    private synchronized WorkerProcess takeSpare() {
        while (!ready.isEmpty()) {
            WorkerProcess spare = ready.poll();
            if (spare.alive()) {
                return spare;
            }
        }
        return null;
    }

    private void refill() {
        int missing;
        synchronized (this) {
            missing = closed || !keepingSpares ? 0 : spares - ready.size() - startingSpares;
            startingSpares += Math.max(0, missing);
        }
        for (int i = 0; i < missing; i++) {
            starts.execute(this::startSpare);
        }
    }

    private void startSpare() {
        WorkerProcess spare = null;
        try {
            spare = start("spare");
        } catch (IOException e) {
            log.accept("Cannot start a spare sandbox worker: " + e.getMessage());
        }
        synchronized (this) {
            startingSpares--;
            if (spare != null && !closed) {
                ready.add(spare);
                return;
            }
        }
        if (spare != null) {
            spare.close();
        }
    }

    private WorkerProcess start(String role) throws IOException {
        started.incrementAndGet();
        return WorkerProcess.start("sandbox worker " + role + "#" + started.get(), command, config, startTimeout, log);
    }
}
