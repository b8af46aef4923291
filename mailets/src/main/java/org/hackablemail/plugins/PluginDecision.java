package org.hackablemail.plugins;

import java.util.Optional;

import org.hackablemail.plugin.email.ReplyEmail;

/**
 * What the mailet does for one recipient once its plugin has run: the recipient's fate, and the reply to send if any.
 * A reply the plugin asked for and that is not sent is said in the outcome: {@code ,reply-suppressed}.
 */
public record PluginDecision(RecipientFate fate, Optional<ReplyEmail> reply, boolean replySuppressed) {
    public static final String REPLIED = "replied";
    public static final String REPLY_SUPPRESSED = "reply-suppressed";

    public static PluginDecision withoutReply(RecipientFate fate) {
        return new PluginDecision(fate, Optional.empty(), false);
    }

    /** The value of {@code hackablemail.plugin.outcome}, e.g. {@code delivered,replied}. */
    public String outcome() {
        if (reply.isPresent()) {
            return fate.outcome() + "," + REPLIED;
        }
        return replySuppressed ? fate.outcome() + "," + REPLY_SUPPRESSED : fate.outcome();
    }

    /** The same fate without the reply: the owner's hourly reply budget is spent. */
    public PluginDecision suppressingReply() {
        return reply.isEmpty() ? this : new PluginDecision(fate, Optional.empty(), true);
    }
}
