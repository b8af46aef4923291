package org.hackablemail.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.hackablemail.core.Owner;
import org.hackablemail.core.SettableClock;
import org.junit.jupiter.api.Test;

class ReplyBudgetTest {
    private static final Owner BOB = Owner.of("bob@demo.test");
    private static final Owner CAROL = Owner.of("carol@demo.test");

    private final SettableClock clock = new SettableClock();
    private final ReplyBudget budget = new ReplyBudget(2, clock);

    @Test
    void shouldRefuseRepliesOverTheHourlyBudget() {
        assertThat(budget.tryTake(BOB)).isTrue();
        assertThat(budget.tryTake(BOB)).isTrue();
        assertThat(budget.tryTake(BOB)).isFalse();
    }

    @Test
    void shouldCountEachOwnerApart() {
        budget.tryTake(BOB);
        budget.tryTake(BOB);

        assertThat(budget.tryTake(CAROL)).isTrue();
    }

    @Test
    void shouldGiveANewBudgetAfterAnHour() {
        budget.tryTake(BOB);
        budget.tryTake(BOB);
        clock.advance(Duration.ofMinutes(59));
        assertThat(budget.tryTake(BOB)).isFalse();

        clock.advance(Duration.ofMinutes(1));

        assertThat(budget.tryTake(BOB)).isTrue();
    }

    @Test
    void shouldRefuseEveryReplyWhenTheBudgetIsZero() {
        assertThat(new ReplyBudget(0, clock).tryTake(BOB)).isFalse();
    }
}
