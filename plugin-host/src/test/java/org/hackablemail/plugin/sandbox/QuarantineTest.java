package org.hackablemail.plugin.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** Keys that expire, on a clock the test moves. */
class QuarantineTest {
    private static final Duration DURATION = Duration.ofMinutes(10);
    private static final String BOB = "bob@example.org";

    private final AtomicLong now = new AtomicLong();
    private final Quarantine quarantine = new Quarantine(DURATION, now::get);

    @Test
    void shouldHoldAKeyUntilItsExpiryAndNotAfter() {
        quarantine.add(BOB);

        advance(DURATION.minusNanos(1));
        assertThat(quarantine.contains(BOB)).isTrue();
        assertThat(quarantine.contains("alice@example.org")).as("another key").isFalse();
        advance(Duration.ofNanos(1));
        assertThat(quarantine.contains(BOB)).isFalse();
    }

    @Test
    void shouldExtendTheExpiryFromTheLatestAddWhenAKeyIsAddedAgain() {
        quarantine.add(BOB);
        advance(DURATION.dividedBy(2));
        quarantine.add(BOB);

        advance(DURATION.dividedBy(2));
        assertThat(quarantine.contains(BOB)).as("past the first add's expiry").isTrue();
        advance(DURATION.dividedBy(2).minusNanos(1));
        assertThat(quarantine.contains(BOB)).isTrue();
        advance(Duration.ofNanos(1));
        assertThat(quarantine.contains(BOB)).isFalse();
    }

    @Test
    void shouldForgetAKeyAtOnceWhenRemoved() {
        quarantine.add(BOB);

        quarantine.remove(BOB);

        assertThat(quarantine.contains(BOB)).isFalse();
        assertThat(quarantine.size()).isZero();
    }

    @Test
    void shouldDropAnExpiredKeyWhenItIsLookedUp() {
        quarantine.add(BOB);
        advance(DURATION);

        assertThat(quarantine.contains(BOB)).isFalse();
        assertThat(quarantine.size()).isZero();
    }

    @Test
    void shouldKeepItsSizeBoundedWhenManyKeysExpireWithoutBeingLookedUp() {
        // 50,000 owners one after another, a second apart: 600 are quarantined at any time.
        for (int i = 0; i < 50_000; i++) {
            quarantine.add("owner" + i + "@example.org");
            advance(Duration.ofSeconds(1));
            assertThat(quarantine.size()).isLessThanOrEqualTo(10_001);
        }

        assertThat(quarantine.contains("owner49999@example.org")).isTrue();
        assertThat(quarantine.contains("owner0@example.org")).isFalse();
    }

    @Test
    void shouldDropEveryExpiredKeyInBulkBeyondTheBound() {
        for (int i = 0; i <= 10_000; i++) {
            quarantine.add("owner" + i + "@example.org");
        }
        advance(DURATION);

        quarantine.add(BOB);

        assertThat(quarantine.size()).isEqualTo(1);
        assertThat(quarantine.contains(BOB)).isTrue();
    }

    @Test
    void shouldHoldAKeyAcrossTheWrapOfANanosecondClock() {
        // System.nanoTime may start anywhere, near Long.MAX_VALUE too: its expiry then wraps around.
        now.set(Long.MAX_VALUE - DURATION.toNanos() / 2);
        quarantine.add(BOB);

        advance(DURATION.minusNanos(1));
        assertThat(quarantine.contains(BOB)).isTrue();
        advance(Duration.ofNanos(1));
        assertThat(quarantine.contains(BOB)).isFalse();
    }

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }
}
