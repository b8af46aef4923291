package org.hackablemail.core.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.hackablemail.core.plugins.PluginRun;
import org.hackablemail.plugin.email.HeaderChange;
import org.hackablemail.plugin.email.IncomingEmail;
import org.hackablemail.plugin.host.LogEntry;

/**
 * Makes the trace entry of a plugin run, with every text cut to a bounded length, so that one entry weighs at most
 * about 16 KB whatever the message and the plugin did.
 */
public final class TraceEntries {
    static final int MAX_SUBJECT = 200;
    static final int MAX_ADDRESS = 320;
    static final int MAX_MESSAGE_ID = 250;
    static final int MAX_FAILURE = 500;
    static final int MAX_HEADERS = 20;
    static final int MAX_HEADER_VALUE = 200;
    static final int MAX_LOG_LINES = 50;
    static final int MAX_LOG_LINE = 500;
    static final int MAX_LOG_CHARS = 8 * 1024;
    private static final String CUT = "…";

    private TraceEntries() {
    }

    /** The entry of the run, without an id yet. */
    public static TraceEntry of(PluginRun run) {
        IncomingEmail email = run.email();
        return new TraceEntry(0, run.started(), run.owner(), run.version(),
            cut(email.messageId(), MAX_MESSAGE_ID), cut(email.sender(), MAX_ADDRESS), cut(subject(email), MAX_SUBJECT),
            run.outcomeLabel(), run.outcome().succeeded() ? run.outcome().resultCode() : null,
            run.outcome().failure().map(failure -> new TraceEntry.Failure(failure.reason().label(),
                cut(failure.message(), MAX_FAILURE))).orElse(null),
            run.took().toNanos() / 1e6,
            run.outcome().delivered().map(delivered -> delivered(email, delivered)).orElse(null),
            run.outcome().reply().map(reply -> new TraceEntry.Reply(cut(reply.subject(), MAX_SUBJECT))).orElse(null),
            logs(run.outcome().logs()));
    }

    private static String subject(IncomingEmail email) {
        return Optional.ofNullable(email.subject())
            .orElseGet(() -> email.headers() == null ? null : email.headers().get("Subject"));
    }

    /** What differs from the message the plugin got, as the mailet applies it (a null value removes the header). */
    private static TraceEntry.Delivered delivered(IncomingEmail received, IncomingEmail delivered) {
        List<HeaderChange> changes = HeaderChange.between(received, delivered).stream()
            .limit(MAX_HEADERS)
            .map(change -> new HeaderChange(cut(change.name(), MAX_HEADER_VALUE), cut(change.value(), MAX_HEADER_VALUE)))
            .collect(Collectors.toList());
        return new TraceEntry.Delivered(changes, HeaderChange.bodyChanged(received, delivered));
    }

    private static List<TraceEntry.Log> logs(List<LogEntry> logs) {
        List<TraceEntry.Log> kept = new ArrayList<>();
        int chars = 0;
        for (LogEntry log : logs) {
            if (kept.size() == MAX_LOG_LINES || chars >= MAX_LOG_CHARS) {
                kept.add(new TraceEntry.Log("WARN", "[" + (logs.size() - kept.size()) + " more line(s) not kept]"));
                break;
            }
            String line = cut(log.message(), Math.min(MAX_LOG_LINE, MAX_LOG_CHARS - chars));
            chars += line.length();
            kept.add(new TraceEntry.Log(log.level().name(), line));
        }
        return kept;
    }

    static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max) + CUT;
    }
}
