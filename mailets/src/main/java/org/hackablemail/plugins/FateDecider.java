package org.hackablemail.plugins;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.hackablemail.core.circuit.Fallback;
import org.hackablemail.plugin.email.IncomingEmail;
import org.hackablemail.plugin.email.ReplyEmail;
import org.hackablemail.plugin.host.Outcome;
import org.hackablemail.plugin.host.PluginFailure;

/**
 * Decides, without acting, what becomes of a recipient's copy once the owner's plugin ran: from the call's
 * {@link Outcome} and what is known of the mail ({@link Circumstances}). The rules, in one place:
 * <ul>
 *   <li>only a successful call has a delivery or a reply to carry out (a failed one has no effects at all), so a
 *       message is never delivered twice, nor bounced after delivery; nor replied to by a call that is run again
 *       (75, host deferrals);</li>
 *   <li>a bounce goes to the sender only when the server can vouch for it; otherwise the message is rejected into
 *       a repository, without a DSN (no backscatter); a reply likewise, otherwise it is suppressed;</li>
 *   <li>the plugin's own 75 is retried {@code maxRetries} times, then bounced; what the host could not run now is
 *       retried without counting, until the mail has waited {@code maxDeferral}, then kept for the admin;</li>
 *   <li>a plugin the circuit breaker suspended is not run: the mail follows the owner's fallback.</li>
 * </ul>
 */
public final class FateDecider {
    public static final int EX_SOFTWARE = 70;
    public static final int EX_TEMPFAIL = 75;
    public static final String REJECTED = "rejected-unverified-sender";
    public static final String DEFERRED = "deferred";
    public static final String DEFERRED_TOO_LONG = "deferred-too-long";
    public static final String SUSPENDED = "suspended:";

    private final FailurePolicy failurePolicy;
    private final int maxRetries;
    private final Duration maxDeferral;

    /**
     * What the decision needs to know of the mail beyond the call.
     *
     * @param senderVouched whether the envelope sender may get a reply or a bounce ({@link SenderVouching})
     * @param attempts      the plugin's own retries so far
     * @param deferredSince when the host first could not run the plugin on this mail
     */
    public record Circumstances(boolean senderVouched, int attempts, Optional<Instant> deferredSince, Instant now) {
    }

    public FateDecider(FailurePolicy failurePolicy, int maxRetries, Duration maxDeferral) {
        this.failurePolicy = failurePolicy;
        this.maxRetries = maxRetries;
        this.maxDeferral = maxDeferral;
    }

    public PluginDecision decide(IncomingEmail received, Outcome outcome, Circumstances circumstances) {
        RecipientFate fate = fate(received, outcome, circumstances);
        Optional<ReplyEmail> reply = outcome.succeeded() && !(fate instanceof RecipientFate.Defer)
            ? outcome.reply() : Optional.empty();
        if (reply.isPresent() && !circumstances.senderVouched()) {
            return new PluginDecision(fate, Optional.empty(), true);
        }
        return new PluginDecision(fate, reply, false);
    }

    /** The owner's plugin is suspended by the circuit breaker: the mail follows the owner's fallback. */
    public PluginDecision suspended(Fallback fallback) {
        String label = SUSPENDED + fallback.label();
        return PluginDecision.withoutReply(fallback == Fallback.SPAM
            ? new RecipientFate.ContinueIntoSpam(label) : new RecipientFate.Continue(label));
    }

    /** The host or the storage could not run the plugin now: tried again later, not counted against the plugin. */
    public PluginDecision hostCannotRun(String reason, Circumstances circumstances) {
        return PluginDecision.withoutReply(deferByHost(reason, circumstances));
    }

    private RecipientFate fate(IncomingEmail received, Outcome outcome, Circumstances circumstances) {
        if (outcome.delivered().isPresent()) {
            String label = outcome.failure().map(FateDecider::failedLabel).orElse("delivered");
            return DeliveredMessage.changes(received, outcome.delivered().get())
                .<RecipientFate>map(changes -> new RecipientFate.DeliverChanged(label, changes))
                .orElseGet(() -> new RecipientFate.Continue(label));
        }
        if (outcome.failure().isPresent()) {
            return onFailure(outcome.failure().get(), circumstances);
        }
        int code = outcome.resultCode();
        if (code == 0) {
            return new RecipientFate.Drop("dropped");
        }
        if (code == EX_TEMPFAIL) {
            return deferByPlugin(circumstances);
        }
        return refuse("bounced", code, "the recipient's mail plugin refused this message", circumstances);
    }

    private RecipientFate onFailure(PluginFailure failure, Circumstances circumstances) {
        if (failure.hostCaused()) {
            return deferByHost("the plugin could not be run now (" + failure + ")", circumstances);
        }
        String label = failedLabel(failure);
        return switch (failurePolicy.kind()) {
            case BOUNCE -> refuse(label, EX_SOFTWARE, "the recipient's mail plugin failed (" + failure + ")", circumstances);
            case DELIVER -> new RecipientFate.Continue(label);
            case PROCESSOR -> new RecipientFate.ToProcessor(label, failurePolicy.processor().orElseThrow());
        };
    }

    private RecipientFate deferByPlugin(Circumstances circumstances) {
        int attempts = circumstances.attempts() + 1;
        if (attempts > maxRetries) {
            return refuse("bounced", EX_TEMPFAIL, "the plugin asked to try again later (code 75); still failing after "
                + maxRetries + " retries", circumstances);
        }
        return new RecipientFate.Defer(DEFERRED, "the plugin asked to try again later (code 75)", attempts,
            circumstances.deferredSince());
    }

    private RecipientFate deferByHost(String reason, Circumstances circumstances) {
        Instant since = circumstances.deferredSince().orElse(circumstances.now());
        if (!since.plus(maxDeferral).isAfter(circumstances.now())) {
            return new RecipientFate.KeepDeferred(DEFERRED_TOO_LONG, reason + "; deferred since " + since);
        }
        return new RecipientFate.Defer(DEFERRED, reason, circumstances.attempts(), Optional.of(since));
    }

    /** A bounce when the sender can be vouched for; otherwise the message is kept, and the label says why. */
    private static RecipientFate refuse(String label, int code, String reason, Circumstances circumstances) {
        if (circumstances.senderVouched()) {
            return new RecipientFate.Bounce(label, code, reason);
        }
        String rejected = label.equals("bounced") ? REJECTED : label + "," + REJECTED;
        return new RecipientFate.Reject(rejected, code, reason);
    }

    private static String failedLabel(PluginFailure failure) {
        return "failed:" + failure.reason().label();
    }
}
