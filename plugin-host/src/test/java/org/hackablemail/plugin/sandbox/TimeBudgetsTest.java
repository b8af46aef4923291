package org.hackablemail.plugin.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The owners' shares of time, on a clock the test moves: one minute of allowance per hour. */
class TimeBudgetsTest {
    private final AtomicLong now = new AtomicLong();
    private final TimeBudgets budgets = new TimeBudgets(Duration.ofMinutes(1), Duration.ofHours(1), now::get);

    @Test
    void shouldAdmitAnOwnerWhileItsBalanceIsPositiveAndLetItOverdrawByOnePieceOfWork() {
        budgets.charge("bob@example.org", Duration.ofSeconds(59));
        assertThat(budgets.admits("bob@example.org")).isTrue();

        budgets.charge("bob@example.org", Duration.ofSeconds(30));

        assertThat(budgets.admits("bob@example.org")).isFalse();
        assertThat(budgets.admits("alice@example.org")).as("another owner's share").isTrue();
    }

    @Test
    void shouldRenewTheBalanceOverThePeriodAndSayWhenTheOwnerIsAdmittedAgain() {
        budgets.charge("bob@example.org", Duration.ofSeconds(90));

        // 30 s overdrawn: renewed at a minute per hour, that is 30 minutes away.
        assertThat(budgets.untilAdmitted("bob@example.org")).isBetween(Duration.ofMinutes(30),
            Duration.ofMinutes(30).plusSeconds(1));
        now.addAndGet(Duration.ofMinutes(29).toNanos());
        assertThat(budgets.admits("bob@example.org")).isFalse();
        now.addAndGet(Duration.ofMinutes(2).toNanos());
        assertThat(budgets.admits("bob@example.org")).isTrue();
        assertThat(budgets.untilAdmitted("bob@example.org")).isZero();
    }

    @Test
    void shouldSaveUpAtMostOneAllowance() {
        now.addAndGet(Duration.ofDays(10).toNanos());

        budgets.charge("bob@example.org", Duration.ofSeconds(61));

        assertThat(budgets.admits("bob@example.org")).as("idle days did not save up more than a minute").isFalse();
    }
}
