package org.hackablemail.core;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** At most {@code limit} events per key (a client address, an owner) in each fixed window of time. */
public final class RateLimiter {
    private static final int PRUNE_ABOVE_KEYS = 10_000;

    private record Window(long start, int requests) {
    }

    private final int limit;
    private final long windowMillis;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public RateLimiter(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.windowMillis = window.toMillis();
        this.clock = clock;
    }

    /** Counts the request; false when the key is over its limit in the current window. */
    public boolean allow(String key) {
        long now = clock.millis();
        if (windows.size() > PRUNE_ABOVE_KEYS) {
            windows.values().removeIf(window -> expired(window, now));
        }
        Window window = windows.compute(key, (ignored, current) -> current == null || expired(current, now)
            ? new Window(now, 1) : new Window(current.start(), current.requests() + 1));
        return window.requests() <= limit;
    }

    private boolean expired(Window window, long now) {
        return now - window.start() >= windowMillis;
    }
}
