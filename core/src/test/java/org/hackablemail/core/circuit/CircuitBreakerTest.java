package org.hackablemail.core.circuit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.hackablemail.core.Owner;
import org.hackablemail.core.SettableClock;
import org.hackablemail.core.cache.RefreshPolicy;
import org.hackablemail.core.circuit.Fallback;
import org.hackablemail.core.circuit.fs.FileSystemCircuitStore;
import org.hackablemail.plugin.host.PluginFailure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CircuitBreakerTest {
    private static final Owner BOB = Owner.of("bob@example.org");
    private static final Optional<PluginFailure> TRAP =
        Optional.of(new PluginFailure(PluginFailure.Reason.TRAP, "unreachable"));
    private static final Optional<PluginFailure> BUSY =
        Optional.of(new PluginFailure(PluginFailure.Reason.HOST_BUSY, "all plugin workers are busy"));

    @TempDir
    Path directory;

    private final SettableClock clock = new SettableClock();
    private final RefreshPolicy refresh = new RefreshPolicy(Duration.ofSeconds(5), clock, Runnable::run);
    private CircuitBreaker breaker;

    @BeforeEach
    void setUp() {
        breaker = new CircuitBreaker(new FileSystemCircuitStore(directory), new CircuitBreaker.Settings(3, 2), clock,
            refresh);
    }

    @Test
    void shouldSuspendAfterTheFailuresInARowFromEnoughSenders() {
        assertThat(breaker.record(BOB, "a@x.example", TRAP)).isEmpty();
        assertThat(breaker.record(BOB, "b@y.example", TRAP)).isEmpty();

        Optional<CircuitBreaker.Trip> trip = breaker.record(BOB, "a@x.example", TRAP);

        assertThat(trip).isPresent();
        assertThat(trip.get().circuit().failures()).isEqualTo(3);
        assertThat(trip.get().circuit().lastReasons()).containsExactly("trap: unreachable", "trap: unreachable",
            "trap: unreachable");
        assertThat(trip.get().circuit().suspendedAt()).contains(clock.instant());
        assertThat(breaker.suspended(BOB)).contains(Fallback.DELIVER);
    }

    @Test
    void shouldNotLetOneSenderSuspendAPlugin() {
        for (int i = 0; i < 10; i++) {
            assertThat(breaker.record(BOB, "stranger@evil.example", TRAP)).isEmpty();
        }

        assertThat(breaker.suspended(BOB)).isEmpty();
        assertThat(breaker.record(BOB, "Other@Evil.example", TRAP)).isPresent();
    }

    @Test
    void shouldStartCountingAgainAfterASuccess() {
        breaker.record(BOB, "a@x.example", TRAP);
        breaker.record(BOB, "b@y.example", TRAP);

        breaker.record(BOB, "c@z.example", Optional.empty());

        assertThat(breaker.record(BOB, "a@x.example", TRAP)).isEmpty();
        assertThat(breaker.state(BOB).failures()).isEqualTo(1);
    }

    @Test
    void shouldCountWhatTheHostCouldNotRunNeitherWay() {
        breaker.record(BOB, "a@x.example", TRAP);
        breaker.record(BOB, "b@y.example", TRAP);

        breaker.record(BOB, "c@z.example", BUSY);

        assertThat(breaker.state(BOB).failures()).isEqualTo(2);
        assertThat(breaker.record(BOB, "c@z.example", TRAP)).isPresent();
    }

    @Test
    void shouldTripOnlyOnce() {
        breaker.record(BOB, "a@x.example", TRAP);
        breaker.record(BOB, "b@y.example", TRAP);
        breaker.record(BOB, "c@z.example", TRAP);

        assertThat(breaker.record(BOB, "d@w.example", TRAP)).isEmpty();
    }

    @Test
    void resetShouldRunThePluginAgainAndKeepTheFallback() {
        breaker.setFallback(BOB, Fallback.SPAM);
        breaker.record(BOB, "a@x.example", TRAP);
        breaker.record(BOB, "b@y.example", TRAP);
        breaker.record(BOB, "c@z.example", TRAP);
        assertThat(breaker.suspended(BOB)).contains(Fallback.SPAM);

        breaker.reset(BOB);

        assertThat(breaker.suspended(BOB)).isEmpty();
        assertThat(breaker.state(BOB).failures()).isZero();
        assertThat(breaker.state(BOB).fallback()).isEqualTo(Fallback.SPAM);
    }

    @Test
    void shouldKeepOnlyTheLatestReasons() {
        CircuitBreaker patient = new CircuitBreaker(new FileSystemCircuitStore(directory.resolve("patient")),
            new CircuitBreaker.Settings(100, 1), clock, refresh);
        for (int i = 0; i < 8; i++) {
            patient.record(BOB, "a@x.example", Optional.of(new PluginFailure(PluginFailure.Reason.TRAP, "#" + i)));
        }

        assertThat(patient.state(BOB).lastReasons()).containsExactly("trap: #3", "trap: #4", "trap: #5", "trap: #6",
            "trap: #7");
    }
}
