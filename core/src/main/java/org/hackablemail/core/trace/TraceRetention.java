package org.hackablemail.core.trace;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How much of each owner's trace is kept: at most {@code maxEntries} entries weighing at most {@code maxBytes}
 * ({@link TraceEntry#weight()}), none older than {@code maxAge}; the oldest go first.
 */
public record TraceRetention(int maxEntries, long maxBytes, Duration maxAge) {
    public static final TraceRetention DEFAULT = new TraceRetention(500, 512 * 1024, Duration.ofDays(7));

    public TraceRetention {
        if (maxEntries < 1 || maxBytes < 1 || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("A trace keeps at least one entry, one byte and one instant, not "
                + maxEntries + " entries, " + maxBytes + " bytes, " + maxAge);
        }
    }

    /** The entries (oldest first) that are kept at {@code now}: the newest ones within every bound. */
    public List<TraceEntry> retained(List<TraceEntry> entries, Instant now) {
        Instant oldest = now.minus(maxAge);
        List<TraceEntry> kept = new ArrayList<>();
        long bytes = 0;
        for (int i = entries.size() - 1; i >= 0 && kept.size() < maxEntries; i--) {
            TraceEntry entry = entries.get(i);
            bytes += entry.weight();
            if (entry.time().isBefore(oldest) || bytes > maxBytes) {
                break;
            }
            kept.add(entry);
        }
        Collections.reverse(kept);
        return kept;
    }
}
