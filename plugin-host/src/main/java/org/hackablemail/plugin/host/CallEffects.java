package org.hackablemail.plugin.host;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hackablemail.plugin.email.IncomingEmail;
import org.hackablemail.plugin.email.ReplyEmail;

/**
 * What one call asked the host to do: recorded on the thread that runs the plugin, read by the caller once the call
 * is over or given up on. A delivery keeps the JSON the plugin passed, so that a worker can hand it on unchanged.
 */
final class CallEffects {
    private final int maxLogBytes;
    private final List<LogEntry> logs = new ArrayList<>();
    private int logBytes;
    private Delivery delivery;
    private ReplyEmail reply;
    private boolean sealed;

    /** A message the plugin delivered, and the JSON it was read from. */
    record Delivery(IncomingEmail email, byte[] json) {
    }

    CallEffects(int maxLogBytes) {
        this.maxLogBytes = maxLogBytes;
    }

    /** Records a delivery, unless one was already accepted in this call. */
    synchronized boolean deliver(IncomingEmail email, byte[] json) {
        if (sealed || delivery != null) {
            return false;
        }
        delivery = new Delivery(email, json);
        return true;
    }

    /** Records a reply, unless one was already accepted in this call. */
    synchronized boolean reply(ReplyEmail email) {
        if (sealed || reply != null) {
            return false;
        }
        reply = email;
        return true;
    }

    /** Keeps the line if the call's log budget allows it; the first line over budget is replaced by a notice. */
    synchronized void log(LogEntry.Level level, String message) {
        if (sealed || logBytes > maxLogBytes) {
            return;
        }
        logBytes += message.getBytes(StandardCharsets.UTF_8).length;
        if (logBytes > maxLogBytes) {
            logs.add(new LogEntry(LogEntry.Level.WARN, "[log cap of " + maxLogBytes + " bytes reached, rest dropped]"));
        } else {
            logs.add(new LogEntry(level, message));
        }
    }

    /** Ignores whatever a timed-out plugin still does while it stops: its outcome is already reported. */
    synchronized void seal() {
        sealed = true;
    }

    synchronized Optional<Delivery> delivery() {
        return Optional.ofNullable(delivery);
    }

    synchronized Optional<ReplyEmail> reply() {
        return Optional.ofNullable(reply);
    }

    synchronized List<LogEntry> logs() {
        return List.copyOf(logs);
    }
}
