package org.hackablemail.plugins;

import javax.mail.internet.MimeMessage;

/** What becomes of one recipient's copy of a message once its owner's plugin has run. */
public sealed interface RecipientFate {

    /** The value of the {@code hackablemail.plugin.outcome} attribute, e.g. {@code delivered} or {@code failed:timeout}. */
    String outcome();

    /** Goes on in the current processor with the message as it is. */
    record Continue(String outcome) implements RecipientFate {
    }

    /** Goes on in the current processor with the message the plugin delivered. */
    record DeliverChanged(String outcome, MimeMessage message) implements RecipientFate {
    }

    /** The owner's plugin chose not to deliver: like Sieve's {@code discard}. */
    record Drop(String outcome) implements RecipientFate {
    }

    /** Bounced to the sender with the plugin's code and a reason. */
    record Bounce(String outcome, int code, String reason) implements RecipientFate {
    }

    /** Tried again later: the plugin asked for it (75) or the host could not run it now. */
    record Defer(String outcome, String reason) implements RecipientFate {
    }

    /** Handed to the processor the admin chose for failed plugins. */
    record ToProcessor(String outcome, String processor) implements RecipientFate {
    }
}
