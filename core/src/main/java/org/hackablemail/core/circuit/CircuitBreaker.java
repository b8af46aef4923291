package org.hackablemail.core.circuit;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.hackablemail.core.Owner;
import org.hackablemail.core.cache.RefreshPolicy;
import org.hackablemail.core.cache.RefreshingCache;
import org.hackablemail.core.circuit.Circuit;
import org.hackablemail.core.circuit.CircuitStore;
import org.hackablemail.core.circuit.Fallback;
import org.hackablemail.plugin.host.PluginFailure;

/**
 * Suspends an owner's plugin that keeps failing: after {@code failures} failures charged to the plugin alone in a
 * row, from at least {@code senders} distinct senders (so that one stranger cannot switch a filter off with crafted
 * mail), the owner's mail follows their {@link Fallback} instead of the plugin. A success ends the streak; what the
 * host could not run (busy, storage) counts neither way. A new push or an activation runs the plugin again.
 *
 * <p>The state is in a {@link CircuitStore} shared by the James nodes, changed by compare-and-set, so that only one
 * node suspends a plugin and its owner is told once. Whether a plugin is suspended is read, on the mail path, from a
 * cache refreshed within the storage refresh interval; a change made here applies at once on this node.</p>
 */
public class CircuitBreaker {
    /** Stops retrying after this many lost compare-and-set races: another node keeps the count meanwhile. */
    private static final int MAX_ATTEMPTS = 10;
    private static final int MAX_CACHED_OWNERS = 100_000;

    private final CircuitStore store;
    private final Settings settings;
    private final Clock clock;
    private final RefreshingCache<Owner, Circuit> cached;

    /** @param failures failures in a row that suspend a plugin; @param senders distinct senders they must come from */
    public record Settings(int failures, int senders) {
        public static final Settings DEFAULT = new Settings(5, 3);

        public Settings {
            if (failures < 1 || senders < 1) {
                throw new IllegalArgumentException("The circuit breaker needs at least one failure from one sender: "
                    + failures + " failures, " + senders + " senders");
            }
        }
    }

    /** This call suspended the plugin: its owner is to be told, once. */
    public record Trip(Owner owner, Circuit circuit) {
    }

    public CircuitBreaker(CircuitStore store, Settings settings, Clock clock, RefreshPolicy refresh) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.cached = new RefreshingCache<>("circuit breaker", refresh, MAX_CACHED_OWNERS, store::read);
    }

    public Settings settings() {
        return settings;
    }

    public Circuit state(Owner owner) {
        return store.read(owner);
    }

    /** The fallback to follow instead of running the owner's plugin, while it is suspended. */
    public Optional<Fallback> suspended(Owner owner) {
        Circuit circuit = cached.get(owner);
        return circuit.suspended() ? Optional.of(circuit.fallback()) : Optional.empty();
    }

    /**
     * Counts a call of the owner's plugin on mail from {@code sender} ({@code ""} for a null sender): how it failed,
     * or empty when it succeeded.
     *
     * @return the trip, when this call suspended the plugin
     */
    public Optional<Trip> record(Owner owner, String sender, Optional<PluginFailure> failure) {
        if (failure.isPresent() && failure.get().hostCaused()) {
            return Optional.empty();
        }
        if (failure.isEmpty()) {
            // Most calls succeed: the cached state tells, without reading the store, that there is nothing to reset.
            if (cached.get(owner).failures() > 0) {
                update(owner, circuit -> circuit.failures() == 0 || circuit.suspended() ? circuit : circuit.reset());
            }
            return Optional.empty();
        }
        String from = sender.toLowerCase(Locale.ROOT);
        Changed changed = update(owner, circuit -> {
            if (circuit.suspended()) {
                return circuit;
            }
            Circuit counted = circuit.withFailure(from, failure.get().toString(), settings.senders());
            return trips(counted) ? counted.suspendedAt(clock.instant()) : counted;
        });
        return changed.suspendedNow() ? Optional.of(new Trip(owner, changed.after())) : Optional.empty();
    }

    /** Runs the owner's plugin again, with no failure counted: a new version was pushed or activated. */
    public void reset(Owner owner) {
        update(owner, circuit -> circuit.failures() == 0 && !circuit.suspended() ? circuit : circuit.reset());
    }

    public void setFallback(Owner owner, Fallback fallback) {
        update(owner, circuit -> circuit.withFallback(fallback));
    }

    public void forget(Owner owner) {
        store.delete(owner);
        cached.invalidate(owner);
    }

    public List<Owner> suspendedOwners() {
        return store.suspended();
    }

    private boolean trips(Circuit circuit) {
        return circuit.failures() >= settings.failures() && circuit.senders().size() >= settings.senders();
    }

    private record Changed(Circuit before, Circuit after) {
        boolean suspendedNow() {
            return !before.suspended() && after.suspended();
        }
    }

    private Changed update(Owner owner, UnaryOperator<Circuit> change) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Circuit before = store.read(owner);
            Circuit after = change.apply(before);
            if (after.equals(before)) {
                return new Changed(before, before);
            }
            if (store.commit(owner, before.version(), after)) {
                cached.invalidate(owner);
                return new Changed(before, after.atVersion(before.version() + 1));
            }
        }
        return new Changed(Circuit.INITIAL, Circuit.INITIAL);
    }
}
