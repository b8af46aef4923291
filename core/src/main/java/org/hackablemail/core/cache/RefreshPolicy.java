package org.hackablemail.core.cache;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * How the domain services' caches follow changes made on other nodes ({@code storage.refresh}): an entry older than
 * {@code interval} is reloaded on {@code reloads} while the cached value keeps being served, so a change reaches
 * every node within about one interval after it was read there.
 */
public record RefreshPolicy(Duration interval, Clock clock, Executor reloads) {

    public RefreshPolicy {
        if (interval.isNegative()) {
            throw new IllegalArgumentException("storage.refresh cannot be negative: " + interval);
        }
    }
}
