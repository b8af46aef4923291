package org.hackablemail.plugin.host;

import java.util.List;
import java.util.Optional;

import org.hackablemail.plugin.email.IncomingEmail;
import org.hackablemail.plugin.email.ReplyEmail;

/**
 * What an {@code onEmail} call decided. The host performs nothing itself: the caller carries out the accepted
 * {@code deliver} and {@code reply} requests, then acts on the result code or the failure.
 *
 * <p>Requests are reported even when the call failed afterwards: a plugin that delivered and then trapped has
 * delivered, and the caller must not deliver the original again.
 */
public final class Outcome {
    private final int resultCode;
    private final PluginFailure failure;
    private final IncomingEmail delivered;
    private final ReplyEmail reply;
    private final List<LogEntry> logs;

    private Outcome(int resultCode, PluginFailure failure, CallEffects effects) {
        this.resultCode = resultCode;
        this.failure = failure;
        this.delivered = effects.delivered().orElse(null);
        this.reply = effects.reply().orElse(null);
        this.logs = effects.logs();
    }

    static Outcome returned(int resultCode, CallEffects effects) {
        return new Outcome(resultCode, null, effects);
    }

    static Outcome failed(PluginFailure failure, CallEffects effects) {
        return new Outcome(0, failure, effects);
    }

    public boolean succeeded() {
        return failure == null;
    }

    /** The sendmail-style code the plugin returned: 0 = done, 75 = retry later, other = bounce. */
    public int resultCode() {
        if (failure != null) {
            throw new IllegalStateException("A failed call has no result code: " + failure);
        }
        return resultCode;
    }

    public Optional<PluginFailure> failure() {
        return Optional.ofNullable(failure);
    }

    /** The message as the plugin delivered it (only its headers and body count), if it called {@code deliver}. */
    public Optional<IncomingEmail> delivered() {
        return Optional.ofNullable(delivered);
    }

    /** The reply to send to the original sender, if the plugin called {@code reply} and it was accepted. */
    public Optional<ReplyEmail> reply() {
        return Optional.ofNullable(reply);
    }

    public List<LogEntry> logs() {
        return logs;
    }

    @Override
    public String toString() {
        return "Outcome{" + (failure != null ? "failure=" + failure : "resultCode=" + resultCode)
            + ", delivered=" + (delivered != null) + ", replied=" + (reply != null) + ", logs=" + logs.size() + "}";
    }
}
