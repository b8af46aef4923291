package org.hackablemail.core.plugins;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import org.hackablemail.core.Owner;
import org.hackablemail.plugin.email.IncomingEmail;
import org.hackablemail.plugin.host.Outcome;

/**
 * One run of an owner's active plugin on one message, as {@link OwnerPlugins} reports it to its
 * {@link PluginRunListener}s.
 *
 * @param started when the call began
 * @param version the owner's plugin version that ran
 * @param email   what the plugin was given
 * @param took    how long the call took, queueing in the sandbox included
 */
public record PluginRun(Instant started, Owner owner, int version, IncomingEmail email, Outcome outcome,
                        Duration took) {

    public PluginRun {
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(took, "took");
    }

    /**
     * What the call gave, in the words of the {@code hackablemail.plugin.outcome} attribute before the mailet's
     * failure policy applies: {@code failed:<reason>}, {@code delivered}, {@code dropped} (0 without delivering),
     * {@code deferred} (75) or {@code bounced} (another code).
     */
    public String outcomeLabel() {
        if (outcome.failure().isPresent()) {
            return "failed:" + outcome.failure().get().reason().label();
        }
        if (outcome.delivered().isPresent()) {
            return "delivered";
        }
        return switch (outcome.resultCode()) {
            case 0 -> "dropped";
            case 75 -> "deferred";
            default -> "bounced";
        };
    }
}
