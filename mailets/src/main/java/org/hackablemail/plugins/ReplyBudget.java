package org.hackablemail.plugins;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.hackablemail.core.Owner;

/**
 * How many replies each owner's plugin may still send in the current hour, on this node: a plugin answering every
 * message cannot make the server mail one address without end. Windows are fixed hours from an owner's first reply.
 */
public final class ReplyBudget {
    private static final Duration WINDOW = Duration.ofHours(1);

    private final int perHour;
    private final Clock clock;
    private final Map<Owner, Window> windows = new ConcurrentHashMap<>();

    private record Window(long start, int used) {
    }

    public ReplyBudget(int perHour, Clock clock) {
        if (perHour < 0) {
            throw new IllegalArgumentException("The hourly reply budget cannot be negative: " + perHour);
        }
        this.perHour = perHour;
        this.clock = clock;
    }

    public int perHour() {
        return perHour;
    }

    /** Takes one reply from the owner's budget; false, taking nothing, when the hour's budget is spent. */
    public boolean tryTake(Owner owner) {
        long now = clock.millis();
        boolean[] taken = new boolean[1];
        windows.compute(owner, (key, window) -> {
            Window current = window == null || now - window.start() >= WINDOW.toMillis() ? new Window(now, 0) : window;
            taken[0] = current.used() < perHour;
            return taken[0] ? new Window(current.start(), current.used() + 1) : current;
        });
        if (windows.size() > 1_000) {
            windows.values().removeIf(window -> now - window.start() >= WINDOW.toMillis());
        }
        return taken[0];
    }
}
