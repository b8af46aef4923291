package org.hackablemail.core.trace;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.hackablemail.core.Owner;
import org.hackablemail.plugin.email.HeaderChange;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One run of an owner's plugin on one message, as the trace keeps it. Every text in it came from the message or the
 * plugin, so it is attacker-controlled: whoever shows it escapes it. Texts are cut to bounded lengths before they get
 * here ({@link TraceEntries}).
 *
 * @param id          given by the store: increasing per owner, in the order entries were appended
 * @param version     the plugin version that ran
 * @param messageId   the message's {@code Message-ID}, when it has one
 * @param sender      the envelope sender; empty for a null sender
 * @param outcome     what the plugin's call gave, in the words of the {@code hackablemail.plugin.outcome} attribute:
 *                    {@code delivered}, {@code dropped}, {@code bounced}, {@code deferred} or
 *                    {@code failed:<reason>} (a plugin that delivered, then failed, delivered: see
 *                    {@code delivered})
 * @param returnCode  what {@code onEmail} returned; null when the call failed
 * @param failure     why the call failed; null when it did not
 * @param delivered   what the delivered message changed; null when the plugin did not call {@code deliver}
 * @param reply       the reply the plugin sent; null when none
 * @param logs        the plugin's log lines, in order
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TraceEntry(long id, Instant time, Owner owner, int version, String messageId, String sender,
                         String subject, String outcome, Integer returnCode, Failure failure, double durationMillis,
                         Delivered delivered, Reply reply, List<Log> logs) {
    private static final int FIXED_WEIGHT = 64;
    private static final int ITEM_WEIGHT = 16;

    public TraceEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(outcome, "outcome");
        sender = sender == null ? "" : sender;
        subject = subject == null ? "" : subject;
        logs = logs == null ? List.of() : List.copyOf(logs);
    }

    /** Why the call failed: the reason's label (e.g. {@code timeout}) and the host's message. */
    public record Failure(String reason, String message) {
    }

    /** What {@code deliver} changed: headers set (a null value: removed), and whether the body was replaced. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Delivered(List<HeaderChange> changedHeaders, boolean bodyChanged) {
        public Delivered {
            changedHeaders = changedHeaders == null ? List.of() : List.copyOf(changedHeaders);
        }
    }

    public record Reply(String subject) {
    }

    /** A line the plugin logged, with its Extism level ({@code INFO}, {@code WARN}...). */
    public record Log(String level, String message) {
    }

    public TraceEntry withId(long newId) {
        return new TraceEntry(newId, time, owner, version, messageId, sender, subject, outcome, returnCode, failure,
            durationMillis, delivered, reply, logs);
    }

    /**
     * What the entry counts for in an owner's byte budget, the same on every back-end: its texts' lengths plus a
     * fixed amount per entry, log line and header.
     */
    @JsonIgnore
    public long weight() {
        long weight = FIXED_WEIGHT + length(messageId) + sender.length() + subject.length() + outcome.length();
        if (failure != null) {
            weight += length(failure.reason()) + length(failure.message());
        }
        if (delivered != null) {
            for (HeaderChange change : delivered.changedHeaders()) {
                weight += ITEM_WEIGHT + length(change.name()) + length(change.value());
            }
        }
        if (reply != null) {
            weight += length(reply.subject());
        }
        for (Log log : logs) {
            weight += ITEM_WEIGHT + length(log.message());
        }
        return weight;
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }
}
