package org.hackablemail.core.circuit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The circuit breaker's state for one owner's plugin: the failures charged to it in a row, from whom, why, and
 * whether it is suspended; and the owner's fallback. A value: each change makes a new one.
 *
 * @param version     the store's version of this state, for compare-and-set ({@code 0}: never stored)
 * @param failures    failures charged to the plugin in a row since its last success
 * @param senders     distinct envelope senders of those failures (lower-case, {@code ""} for a null sender),
 *                    as many as the breaker needs to count
 * @param lastReasons the latest failures' reasons, oldest first
 * @param suspendedAt when the breaker suspended the plugin; empty while it runs
 * @param fallback    what becomes of the owner's mail while the plugin is suspended
 */
public record Circuit(long version, int failures, List<String> senders, List<String> lastReasons,
                      Optional<Instant> suspendedAt, Fallback fallback) {
    public static final int KEPT_REASONS = 5;

    public static final Circuit INITIAL = new Circuit(0, 0, List.of(), List.of(), Optional.empty(), Fallback.DELIVER);

    public Circuit {
        senders = List.copyOf(senders);
        lastReasons = List.copyOf(lastReasons);
        Objects.requireNonNull(suspendedAt, "suspendedAt");
        Objects.requireNonNull(fallback, "fallback");
    }

    public boolean suspended() {
        return suspendedAt.isPresent();
    }

    /** One more failure, from {@code sender}; at most {@code maxSenders} senders are remembered. */
    public Circuit withFailure(String sender, String reason, int maxSenders) {
        List<String> moreSenders = new ArrayList<>(senders);
        if (!moreSenders.contains(sender) && moreSenders.size() < maxSenders) {
            moreSenders.add(sender);
        }
        List<String> reasons = new ArrayList<>(lastReasons);
        reasons.add(reason);
        return new Circuit(version, failures + 1, moreSenders,
            reasons.subList(Math.max(0, reasons.size() - KEPT_REASONS), reasons.size()), suspendedAt, fallback);
    }

    public Circuit suspendedAt(Instant now) {
        return new Circuit(version, failures, senders, lastReasons, Optional.of(now), fallback);
    }

    /** Running again with no failure counted; the fallback stays. */
    public Circuit reset() {
        return new Circuit(version, 0, List.of(), List.of(), Optional.empty(), fallback);
    }

    public Circuit withFallback(Fallback newFallback) {
        return new Circuit(version, failures, senders, lastReasons, suspendedAt, newFallback);
    }

    /** The same state as {@code version} of the store. */
    public Circuit atVersion(long newVersion) {
        return new Circuit(newVersion, failures, senders, lastReasons, suspendedAt, fallback);
    }
}
