package org.hackablemail.plugin.sandbox;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * One worker process and the requests waiting for it: at most {@code capacity} run on it at once, at most
 * {@code perOwner} of them for one owner, and a free place goes to the owners in turn (round robin over the owners
 * waiting), so that one owner's flood waits behind everyone else's next message. When the worker dies, another one
 * takes its place; requests wait meanwhile, each at most as long as it said it would.
 */
final class Lane {
    private final String name;
    private final int capacity;
    private final int perOwner;
    private final WorkerSupply supply;
    private final Executor starts;
    private final Consumer<String> log;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    /** Owners in the order they will be served, each with its waiting requests. */
    private final LinkedHashMap<String, ArrayDeque<Ticket>> waiting = new LinkedHashMap<>();
    private final Map<String, Integer> runningByOwner = new HashMap<>();
    private WorkerProcess worker;
    private boolean starting;
    private boolean closed;
    private int running;
    private Duration restartDelay = Duration.ZERO;

    /** A place on this lane's worker, held by one request until it is released. */
    record Slot(Lane lane, WorkerProcess worker, String owner) implements AutoCloseable {
        @Override
        public void close() {
            lane.release(this);
        }
    }

    private static final class Ticket {
        private final String owner;
        private WorkerProcess granted;

        Ticket(String owner) {
            this.owner = owner;
        }
    }

    Lane(String name, int capacity, int perOwner, WorkerSupply supply, Executor starts, Consumer<String> log) {
        this.name = name;
        this.capacity = capacity;
        this.perOwner = perOwner;
        this.supply = supply;
        this.starts = starts;
        this.log = log;
    }

    String name() {
        return name;
    }

    /** Starts the lane's worker now rather than at the first request. */
    void start() {
        lock.lock();
        try {
            ensureWorker();
        } finally {
            lock.unlock();
        }
    }

    /** Waits for the owner's turn on a live worker; empty when it did not come within {@code maxWait}. */
    Optional<Slot> acquire(String owner, Duration maxWait) throws InterruptedException {
        lock.lock();
        try {
            ensureWorker();
            Ticket ticket = new Ticket(owner);
            waiting.computeIfAbsent(owner, any -> new ArrayDeque<>()).add(ticket);
            dispatch();
            long remaining = maxWait.toNanos();
            while (ticket.granted == null) {
                if (remaining <= 0 || closed) {
                    withdraw(ticket);
                    return Optional.empty();
                }
                try {
                    remaining = changed.awaitNanos(remaining);
                } catch (InterruptedException e) {
                    if (ticket.granted == null) {
                        withdraw(ticket);
                        throw e;
                    }
                    Thread.currentThread().interrupt();
                }
            }
            return Optional.of(new Slot(this, ticket.granted, owner));
        } finally {
            lock.unlock();
        }
    }

    /** Requests waiting for a place now. */
    int waiting() {
        lock.lock();
        try {
            return waiting.values().stream().mapToInt(ArrayDeque::size).sum();
        } finally {
            lock.unlock();
        }
    }

    /** The worker the lane runs on now, if one is up. */
    Optional<WorkerProcess> worker() {
        lock.lock();
        try {
            return Optional.ofNullable(worker).filter(WorkerProcess::alive);
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the lane's worker is up; false when it was not within {@code maxWait}. */
    boolean awaitWorker(Duration maxWait) throws InterruptedException {
        lock.lock();
        try {
            ensureWorker();
            long remaining = maxWait.toNanos();
            while (worker == null || !worker.alive()) {
                if (remaining <= 0) {
                    return false;
                }
                remaining = changed.awaitNanos(remaining);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    void close() {
        lock.lock();
        try {
            closed = true;
            if (worker != null) {
                worker.close();
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void release(Slot slot) {
        lock.lock();
        try {
            running--;
            runningByOwner.computeIfPresent(slot.owner(), (owner, count) -> count == 1 ? null : count - 1);
            dispatch();
        } finally {
            lock.unlock();
        }
    }

    private void withdraw(Ticket ticket) {
        ArrayDeque<Ticket> queue = waiting.get(ticket.owner);
        if (queue != null) {
            queue.remove(ticket);
            if (queue.isEmpty()) {
                waiting.remove(ticket.owner);
            }
        }
    }

    /** Grants free places to the owners in turn; an owner served goes to the back of the line. */
    private void dispatch() {
        boolean granted = false;
        while (running < capacity && worker != null && worker.alive()) {
            Ticket next = nextTicket();
            if (next == null) {
                break;
            }
            next.granted = worker;
            running++;
            runningByOwner.merge(next.owner, 1, Integer::sum);
            granted = true;
        }
        if (granted) {
            changed.signalAll();
        }
    }

    private Ticket nextTicket() {
        Iterator<Map.Entry<String, ArrayDeque<Ticket>>> owners = waiting.entrySet().iterator();
        while (owners.hasNext()) {
            Map.Entry<String, ArrayDeque<Ticket>> owner = owners.next();
            if (runningByOwner.getOrDefault(owner.getKey(), 0) < perOwner) {
                Ticket ticket = owner.getValue().poll();
                owners.remove();
                if (!owner.getValue().isEmpty()) {
                    waiting.put(owner.getKey(), owner.getValue());
                }
                return ticket;
            }
        }
        return null;
    }

    private void ensureWorker() {
        if ((worker != null && worker.alive()) || starting || closed) {
            return;
        }
        worker = null;
        starting = true;
        Duration delay = restartDelay;
        starts.execute(() -> replace(delay));
    }

    /** On a thread of its own: taking a worker may mean starting a JVM, a second or so. */
    private void replace(Duration delay) {
        WorkerProcess started = null;
        try {
            TimeUnit.MILLISECONDS.sleep(delay.toMillis());
            started = supply.take(name);
        } catch (Exception e) {
            log.accept("Cannot start a sandbox worker for " + name + ": " + e.getMessage());
        }
        lock.lock();
        try {
            starting = false;
            if (closed) {
                if (started != null) {
                    started.close();
                }
                return;
            }
            if (started == null) {
                // Backs off while workers cannot start, so as not to spin; requests time out meanwhile.
                restartDelay = restartDelay.isZero() ? Duration.ofMillis(250) : min(restartDelay.multipliedBy(2));
                ensureWorker();
                return;
            }
            restartDelay = Duration.ZERO;
            WorkerProcess current = started;
            worker = current;
            current.death().thenAccept(death -> workerDied(current, death));
            dispatch();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void workerDied(WorkerProcess dead, Death death) {
        log.accept("Sandbox worker " + dead.name() + " of " + name + " ended: " + death.cause());
        lock.lock();
        try {
            if (worker == dead) {
                ensureWorker();
            }
        } finally {
            lock.unlock();
        }
    }

    private static Duration min(Duration delay) {
        Duration most = Duration.ofSeconds(10);
        return delay.compareTo(most) > 0 ? most : delay;
    }
}
