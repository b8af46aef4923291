package org.hackablemail.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private final SettableClock clock = new SettableClock();
    private final RateLimiter limiter = new RateLimiter(2, Duration.ofMinutes(1), clock);

    @Test
    void allowShouldRefuseWhenTheKeyIsOverItsLimit() {
        limiter.allow("10.0.0.1");
        limiter.allow("10.0.0.1");

        assertThat(limiter.allow("10.0.0.1")).isFalse();
    }

    @Test
    void allowShouldCountEachKeyApart() {
        limiter.allow("10.0.0.1");
        limiter.allow("10.0.0.1");

        assertThat(limiter.allow("10.0.0.2")).isTrue();
    }

    @Test
    void allowShouldAcceptAgainWhenTheWindowIsOver() {
        limiter.allow("10.0.0.1");
        limiter.allow("10.0.0.1");
        limiter.allow("10.0.0.1");
        clock.advance(Duration.ofMinutes(1));

        assertThat(limiter.allow("10.0.0.1")).isTrue();
    }
}
