package org.hackablemail.plugin.sandbox;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Keys that stay for a while after they are added. The client keeps two: owners whose plugin got a worker killed, whose
 * calls run alone meanwhile so that their next message cannot take other owners' calls down with it; and plugins, by
 * digest, whose code could not be compiled again, whose calls are deferred meanwhile. Expired entries are dropped as
 * they are looked up, or in bulk beyond a bound.
 */
final class Quarantine {
    private static final int PURGE_BEYOND = 10_000;

    private final long durationNanos;
    private final LongSupplier clock;
    private final Map<String, Long> until = new HashMap<>();

    Quarantine(Duration duration, LongSupplier clock) {
        this.durationNanos = duration.toNanos();
        this.clock = clock;
    }

    synchronized void add(String owner) {
        until.put(owner, clock.getAsLong() + durationNanos);
        if (until.size() > PURGE_BEYOND) {
            long now = clock.getAsLong();
            until.values().removeIf(end -> end - now <= 0);
        }
    }

    synchronized void remove(String owner) {
        until.remove(owner);
    }

    /** Entries held, expired ones not dropped yet included: bounded by the purge once they expire. */
    synchronized int size() {
        return until.size();
    }

    synchronized boolean contains(String owner) {
        Long end = until.get(owner);
        if (end == null) {
            return false;
        }
        if (end - clock.getAsLong() <= 0) {
            until.remove(owner);
            return false;
        }
        return true;
    }
}
