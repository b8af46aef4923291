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
 */
public record EmailCall(String owner, byte[] input, Map<String, String> config, boolean replyAllowed) {

    public EmailCall {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(input, "input");
        config = Map.copyOf(config);
    }
}
