package org.hackablemail.webadmin;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Semaphore;

import javax.inject.Inject;
import javax.inject.Singleton;

import org.hackablemail.config.ValueParsers;
import org.hackablemail.core.Owner;
import org.hackablemail.core.trace.PluginTrace;
import org.hackablemail.core.trace.TraceEntry;
import org.hackablemail.core.trace.TracePage;
import org.hackablemail.core.trace.TraceQuery;

import spark.Request;

/**
 * A read of an owner's trace, as the admin routes and the guest endpoint both answer it:
 * {@code ?after=&before=&since=&limit=&wait=}. {@code since} is a time ({@code 2025-01-02T03:04:05Z}) or how long
 * ago ({@code 1h}, {@code 15 minutes}); {@code limit} is at most {@value TraceQuery#MAX_LIMIT} (default
 * {@value #DEFAULT_LIMIT}); {@code wait} (with {@code after}, at most 30 s) holds the request until an entry comes:
 * a long poll. At most {@value #MAX_WAITING} requests wait at once, all owners together, so that they never hold
 * all of webadmin's threads; beyond, a request is answered at once.
 */
@Singleton
public class TraceRequests {
    static final int DEFAULT_LIMIT = 50;
    static final Duration MAX_WAIT = Duration.ofSeconds(30);
    static final int MAX_WAITING = 32;

    /**
     * A page of the trace, oldest first.
     *
     * @param more whether more entries match beyond the page (see {@link TracePage#more()})
     * @param next what to pass as {@code after} to read what comes after this page
     */
    public record Answer(List<TraceEntry> entries, boolean more, long next) {
    }

    private final PluginTrace trace;
    private final Clock clock;
    private final Semaphore waiting = new Semaphore(MAX_WAITING);

    @Inject
    public TraceRequests(PluginTrace trace) {
        this(trace, Clock.systemUTC());
    }

    TraceRequests(PluginTrace trace, Clock clock) {
        this.trace = trace;
        this.clock = clock;
    }

    Answer read(Owner owner, Request request) {
        OptionalLong after = id(request, "after");
        TraceQuery query = new TraceQuery(after, id(request, "before"), since(request), limit(request));
        Duration wait = waitFor(request, after);
        TracePage page = wait.isZero() ? trace.read(owner, query) : awaited(owner, query, wait);
        long next = page.entries().isEmpty()
            ? after.orElseGet(() -> trace.latestId(owner))
            : page.entries().get(page.entries().size() - 1).id();
        return new Answer(page.entries(), page.more(), next);
    }

    void delete(Owner owner) {
        trace.delete(owner);
    }

    private TracePage awaited(Owner owner, TraceQuery query, Duration wait) {
        if (!waiting.tryAcquire()) {
            return trace.read(owner, query);
        }
        try {
            return trace.await(owner, query, wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return trace.read(owner, query);
        } finally {
            waiting.release();
        }
    }

    private static OptionalLong id(Request request, String name) {
        String raw = request.queryParams(name);
        if (raw == null) {
            return OptionalLong.empty();
        }
        try {
            long id = Long.parseLong(raw.trim());
            if (id >= 0) {
                return OptionalLong.of(id);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw RouteErrors.badRequest("'" + name + "' must be the id of a trace entry, not '" + raw + "'");
    }

    private Optional<Instant> since(Request request) {
        String raw = request.queryParams("since");
        if (raw == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(raw.trim()));
        } catch (DateTimeException notATime) {
            try {
                return Optional.of(clock.instant().minus(ValueParsers.positiveDuration(raw)));
            } catch (IllegalArgumentException notADuration) {
                throw RouteErrors.badRequest("'since' must be a time such as 2025-01-02T03:04:05Z or how long ago, "
                    + "such as 1h, not '" + raw + "'");
            }
        }
    }

    private static int limit(Request request) {
        String raw = request.queryParams("limit");
        if (raw == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(raw.trim());
            if (limit >= 1 && limit <= TraceQuery.MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw RouteErrors.badRequest("'limit' must be a number from 1 to " + TraceQuery.MAX_LIMIT + ", not '" + raw + "'");
    }

    private static Duration waitFor(Request request, OptionalLong after) {
        String raw = request.queryParams("wait");
        if (raw == null) {
            return Duration.ZERO;
        }
        if (after.isEmpty()) {
            throw RouteErrors.badRequest("'wait' needs 'after': the id of the last entry read");
        }
        try {
            Duration wait = ValueParsers.positiveDuration(raw);
            if (wait.compareTo(MAX_WAIT) <= 0) {
                return wait;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw RouteErrors.badRequest("'wait' must be a duration of at most " + MAX_WAIT.toSeconds() + "s, not '" + raw + "'");
    }
}
