package org.hackablemail.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hackablemail.core.circuit.Fallback;
import org.hackablemail.plugin.email.IncomingEmail;
import org.hackablemail.plugin.email.ReplyEmail;
import org.hackablemail.plugin.host.Outcome;
import org.hackablemail.plugin.host.PluginFailure;
import org.junit.jupiter.api.Test;

/** The decision alone, from outcomes and circumstances: no James, no plugin. */
class FateDeciderTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final IncomingEmail RECEIVED = IncomingEmail.of("alice@outside.example", "bob@demo.test",
        Map.of("Subject", "Hi"), "Hello");
    private static final ReplyEmail REPLY = new ReplyEmail("Away", "Back on Monday");
    private static final FateDecider DECIDER = new FateDecider(FailurePolicy.BOUNCE, 2, Duration.ofDays(2));
    private static final FateDecider.Circumstances VOUCHED =
        new FateDecider.Circumstances(true, 0, Optional.empty(), NOW);
    private static final FateDecider.Circumstances UNVOUCHED =
        new FateDecider.Circumstances(false, 0, Optional.empty(), NOW);

    @Test
    void aCodeShouldBounceToAVouchedSenderAndBeKeptFromAnother() {
        assertThat(DECIDER.decide(RECEIVED, returned(77, Optional.empty(), Optional.empty()), VOUCHED).fate())
            .isEqualTo(new RecipientFate.Bounce("bounced", 77, "the recipient's mail plugin refused this message"));
        assertThat(DECIDER.decide(RECEIVED, returned(77, Optional.empty(), Optional.empty()), UNVOUCHED).fate())
            .isEqualTo(new RecipientFate.Reject("rejected-unverified-sender", 77,
                "the recipient's mail plugin refused this message"));
    }

    @Test
    void aReplyShouldGoOnlyToAVouchedSenderWhileTheDeliveryStands() {
        Outcome deliveredAndReplied = returned(0, Optional.of(RECEIVED), Optional.of(REPLY));

        PluginDecision vouched = DECIDER.decide(RECEIVED, deliveredAndReplied, VOUCHED);
        PluginDecision unvouched = DECIDER.decide(RECEIVED, deliveredAndReplied, UNVOUCHED);

        assertThat(vouched.reply()).contains(REPLY);
        assertThat(vouched.outcome()).isEqualTo("delivered,replied");
        assertThat(unvouched.reply()).isEmpty();
        assertThat(unvouched.fate()).isEqualTo(new RecipientFate.Continue("delivered"));
        assertThat(unvouched.outcome()).isEqualTo("delivered,reply-suppressed");
        assertThat(vouched.suppressingReply().outcome()).isEqualTo("delivered,reply-suppressed");
    }

    @Test
    void aCallThatIsRunAgainShouldNotReply() {
        PluginDecision decision = DECIDER.decide(RECEIVED, returned(75, Optional.empty(), Optional.of(REPLY)), VOUCHED);

        assertThat(decision.fate()).isInstanceOf(RecipientFate.Defer.class);
        assertThat(decision.reply()).isEmpty();
        assertThat(decision.outcome()).isEqualTo("deferred");
    }

    @Test
    void thePluginsOwn75ShouldCountAndBounceOnceTheRetriesAreSpent() {
        assertThat(DECIDER.decide(RECEIVED, returned(75, Optional.empty(), Optional.empty()), VOUCHED).fate())
            .isEqualTo(new RecipientFate.Defer("deferred", "the plugin asked to try again later (code 75)", 1,
                Optional.empty()));

        FateDecider.Circumstances retried = new FateDecider.Circumstances(false, 2, Optional.empty(), NOW);
        assertThat(DECIDER.decide(RECEIVED, returned(75, Optional.empty(), Optional.empty()), retried).fate())
            .isInstanceOf(RecipientFate.Reject.class);
    }

    @Test
    void whatTheHostCouldNotRunShouldBeRetriedWithoutCountingUntilMaxDeferral() {
        Outcome busy = Outcome.failed(new PluginFailure(PluginFailure.Reason.HOST_BUSY, "all busy"));
        FateDecider.Circumstances spentRetries = new FateDecider.Circumstances(true, 2, Optional.empty(), NOW);

        assertThat(DECIDER.decide(RECEIVED, busy, spentRetries).fate()).isEqualTo(new RecipientFate.Defer("deferred",
            "the plugin could not be run now (host_busy: all busy)", 2, Optional.of(NOW)));

        FateDecider.Circumstances waitedLong = new FateDecider.Circumstances(true, 2,
            Optional.of(NOW.minus(Duration.ofDays(2))), NOW);
        assertThat(DECIDER.decide(RECEIVED, busy, waitedLong).fate()).isEqualTo(new RecipientFate.KeepDeferred(
            "deferred-too-long", "the plugin could not be run now (host_busy: all busy); deferred since "
                + NOW.minus(Duration.ofDays(2))));
        assertThat(DECIDER.hostCannotRun("storage down", waitedLong).fate())
            .isInstanceOf(RecipientFate.KeepDeferred.class);
    }

    @Test
    void aFailureShouldFollowThePolicyAndNeverReachAnUnvouchedSender() {
        Outcome trapped = Outcome.failed(new PluginFailure(PluginFailure.Reason.TRAP, "unreachable"));

        assertThat(DECIDER.decide(RECEIVED, trapped, UNVOUCHED).outcome())
            .isEqualTo("failed:trap,rejected-unverified-sender");
        assertThat(new FateDecider(FailurePolicy.DELIVER, 2, Duration.ofDays(2)).decide(RECEIVED, trapped, UNVOUCHED)
            .fate()).isEqualTo(new RecipientFate.Continue("failed:trap"));
        assertThat(new FateDecider(FailurePolicy.parse("quarantine"), 2, Duration.ofDays(2))
            .decide(RECEIVED, trapped, UNVOUCHED).fate()).isEqualTo(new RecipientFate.ToProcessor("failed:trap", "quarantine"));
    }

    @Test
    void aChangedDeliveryShouldCarryTheEdits() {
        IncomingEmail tagged = IncomingEmail.of("alice@outside.example", "bob@demo.test", Map.of("Subject", "[tagged] Hi"),
            "Hello");

        RecipientFate fate = DECIDER.decide(RECEIVED, returned(0, Optional.of(tagged), Optional.empty()), VOUCHED).fate();

        assertThat(fate).isEqualTo(new RecipientFate.DeliverChanged("delivered",
            DeliveredMessage.changes(RECEIVED, tagged).orElseThrow()));
        assertThat(DECIDER.decide(RECEIVED, returned(0, Optional.empty(), Optional.empty()), VOUCHED).fate())
            .isEqualTo(new RecipientFate.Drop("dropped"));
    }

    @Test
    void aSuspendedPluginsMailShouldFollowTheFallback() {
        assertThat(DECIDER.suspended(Fallback.DELIVER).fate()).isEqualTo(new RecipientFate.Continue("suspended:deliver"));
        assertThat(DECIDER.suspended(Fallback.SPAM).fate()).isEqualTo(new RecipientFate.ContinueIntoSpam("suspended:spam"));
    }

    private static Outcome returned(int code, Optional<IncomingEmail> delivered, Optional<ReplyEmail> reply) {
        return Outcome.returned(code, new Outcome.Effects(delivered, delivered.map(any -> new byte[0]), reply, Map.of()),
            List.of(), Duration.ZERO);
    }
}
