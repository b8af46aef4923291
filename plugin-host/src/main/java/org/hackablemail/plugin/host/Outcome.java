package org.hackablemail.plugin.host;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.hackablemail.plugin.email.IncomingEmail;
import org.hackablemail.plugin.email.ReplyEmail;

/**
 * What an {@code onEmail} call decided. The host performs nothing itself: the caller carries out the accepted
 * {@code deliver} and {@code reply} requests and commits the variable writes, then acts on the result code.
 *
 * <p>Effects, not side effects: a failed call has no delivery, reply or variable writes to apply, whatever it asked
 * before it failed; only its logs are kept, to tell what happened. So a call that failed, was killed or is run again
 * leaves nothing behind.
 */
public final class Outcome {
    private final int resultCode;
    private final PluginFailure failure;
    private final Effects effects;
    private final List<LogEntry> logs;
    private final Duration cpuTime;

    /**
     * What a successful call asks the caller to carry out.
     *
     * @param deliveredJson the JSON the plugin passed to {@code deliver}, as it passed it
     * @param variableWrites each variable written, with its last value, or empty when removed
     */
    public record Effects(Optional<IncomingEmail> delivered, Optional<byte[]> deliveredJson, Optional<ReplyEmail> reply,
                          Map<String, Optional<byte[]>> variableWrites) {
        public static final Effects NONE = new Effects(Optional.empty(), Optional.empty(), Optional.empty(), Map.of());

        public Effects {
            Objects.requireNonNull(delivered, "delivered");
            Objects.requireNonNull(deliveredJson, "deliveredJson");
            Objects.requireNonNull(reply, "reply");
            variableWrites = Collections.unmodifiableMap(new LinkedHashMap<>(variableWrites));
        }
    }

    private Outcome(int resultCode, PluginFailure failure, Effects effects, List<LogEntry> logs, Duration cpuTime) {
        this.resultCode = resultCode;
        this.failure = failure;
        this.effects = effects;
        this.logs = List.copyOf(logs);
        this.cpuTime = cpuTime;
    }

    /** A call that ran to its end and returned {@code resultCode}. */
    public static Outcome returned(int resultCode, Effects effects, List<LogEntry> logs, Duration cpuTime) {
        return new Outcome(resultCode, null, effects, logs, cpuTime);
    }

    /** A call that failed: nothing of it is to be applied. */
    public static Outcome failed(PluginFailure failure, List<LogEntry> logs, Duration cpuTime) {
        return new Outcome(0, failure, Effects.NONE, logs, cpuTime);
    }

    /** A call that could not run at all. */
    public static Outcome failed(PluginFailure failure) {
        return failed(failure, List.of(), Duration.ZERO);
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
        return effects.delivered();
    }

    /** The reply to send to the original sender, if the plugin called {@code reply} and it was accepted. */
    public Optional<ReplyEmail> reply() {
        return effects.reply();
    }

    /** The variables the call wrote, to commit together; empty for a failed call. */
    public Map<String, Optional<byte[]>> variableWrites() {
        return effects.variableWrites();
    }

    public Effects effects() {
        return effects;
    }

    public List<LogEntry> logs() {
        return logs;
    }

    /** CPU time the plugin's thread used (instantiation included); the owner's fair share is counted in it. */
    public Duration cpuTime() {
        return cpuTime;
    }

    @Override
    public String toString() {
        return "Outcome{" + (failure != null ? "failure=" + failure : "resultCode=" + resultCode)
            + ", delivered=" + delivered().isPresent() + ", replied=" + reply().isPresent()
            + ", variablesWritten=" + variableWrites().size() + ", logs=" + logs.size() + "}";
    }
}
