package org.hackablemail.core.trace;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * Which of an owner's trace entries to read. A page is always in the order the entries were recorded. Without
 * {@code after}, it holds the latest {@code limit} matching entries (as {@code tail}), and {@code before} pages back
 * through older ones; with {@code after}, it holds the first {@code limit} entries recorded after that one, which
 * is how a reader follows the trace.
 *
 * @param after  only entries whose id is greater
 * @param before only entries whose id is smaller
 * @param since  only entries recorded at or after this time
 */
public record TraceQuery(OptionalLong after, OptionalLong before, Optional<Instant> since, int limit) {
    public static final int MAX_LIMIT = 1000;

    public TraceQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", not " + limit);
        }
    }

    /** The latest {@code limit} entries. */
    public static TraceQuery latest(int limit) {
        return new TraceQuery(OptionalLong.empty(), OptionalLong.empty(), Optional.empty(), limit);
    }

    /** The first {@code limit} entries after {@code id}. */
    public static TraceQuery after(long id, int limit) {
        return new TraceQuery(OptionalLong.of(id), OptionalLong.empty(), Optional.empty(), limit);
    }

    /** The page this query gives of an owner's entries (oldest first, retention applied): for every back-end. */
    public TracePage pageOf(List<TraceEntry> entries) {
        List<TraceEntry> matching = entries.stream().filter(this::matches).collect(Collectors.toList());
        if (matching.size() <= limit) {
            return new TracePage(matching, false);
        }
        return after.isPresent()
            ? new TracePage(matching.subList(0, limit), true)
            : new TracePage(matching.subList(matching.size() - limit, matching.size()), true);
    }

    public boolean matches(TraceEntry entry) {
        return (after.isEmpty() || entry.id() > after.getAsLong())
            && (before.isEmpty() || entry.id() < before.getAsLong())
            && (since.isEmpty() || !entry.time().isBefore(since.get()));
    }
}
