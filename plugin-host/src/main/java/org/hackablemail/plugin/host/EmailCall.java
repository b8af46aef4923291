package org.hackablemail.plugin.host;

import java.util.Map;
import java.util.Objects;

/**
 * One {@code onEmail} call.
 *
 * @param owner the address of the mailbox owner whose plugin runs: it scopes the plugin's variables and warm
 *     instances, so owners never see each other's data, even when they run the same plugin
 * @param input the {@code IncomingEmail} JSON
 * @param config what {@code config_get} returns
 * @param replyAllowed false when the message must not be answered (automatic, from a list, null sender): then
 *     {@code reply} refuses
 * @param deliverAllowed false when {@code deliver} must fail, as a mailbox that cannot take the message now:
 *     simulations use it to see how a plugin copes; real calls always allow it
 */
public record EmailCall(String owner, byte[] input, Map<String, String> config, boolean replyAllowed,
                        boolean deliverAllowed) {

    public EmailCall {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(input, "input");
        config = Map.copyOf(config);
    }

    /** A real call: {@code deliver} is allowed. */
    public EmailCall(String owner, byte[] input, Map<String, String> config, boolean replyAllowed) {
        this(owner, input, config, replyAllowed, true);
    }

    /** The same call for another owner: simulations run under an owner name of their own. */
    EmailCall forOwner(String otherOwner) {
        return new EmailCall(otherOwner, input, config, replyAllowed, deliverAllowed);
    }
}
