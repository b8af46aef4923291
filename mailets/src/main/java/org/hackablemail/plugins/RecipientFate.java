package org.hackablemail.plugins;

import java.time.Instant;
import java.util.Optional;

/** What becomes of one recipient's copy of a message once its owner's plugin has run (or could not). */
public sealed interface RecipientFate {

    /** The value of the {@code hackablemail.plugin.outcome} attribute, e.g. {@code delivered} or {@code failed:timeout}. */
    String outcome();

    /** Goes on in the current processor with the message as it is. */
    record Continue(String outcome) implements RecipientFate {
    }

    /** Goes on in the current processor with the message as it is, into the recipient's Spam folder. */
    record ContinueIntoSpam(String outcome) implements RecipientFate {
    }

    /** Goes on in the current processor with the message as the plugin changed it. */
    record DeliverChanged(String outcome, DeliveredMessage changes) implements RecipientFate {
    }

    /** The owner's plugin chose not to deliver: like Sieve's {@code discard}. */
    record Drop(String outcome) implements RecipientFate {
    }

    /** Bounced to the sender, who can be vouched for, with the plugin's code and a reason (a DSN). */
    record Bounce(String outcome, int code, String reason) implements RecipientFate {
    }

    /** Refused, but the sender cannot be vouched for: no DSN, the message is kept where the admin can read it. */
    record Reject(String outcome, int code, String reason) implements RecipientFate {
    }

    /**
     * Tried again later: the plugin asked for it (75) or the host could not run it now.
     *
     * @param attempts      the plugin's own retries so far, this one included (host deferrals do not count)
     * @param deferredSince when the host first could not run it, if it could not
     */
    record Defer(String outcome, String reason, int attempts, Optional<Instant> deferredSince)
        implements RecipientFate {
    }

    /** The host could not run it for longer than the mail may wait: kept where the admin can read it, no DSN. */
    record KeepDeferred(String outcome, String reason) implements RecipientFate {
    }

    /** Handed to the processor the admin chose for failed plugins. */
    record ToProcessor(String outcome, String processor) implements RecipientFate {
    }
}
