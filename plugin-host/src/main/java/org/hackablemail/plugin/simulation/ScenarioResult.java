package org.hackablemail.plugin.simulation;

import java.util.List;
import java.util.stream.Collectors;

import org.hackablemail.plugin.email.HeaderChange;
import org.hackablemail.plugin.email.IncomingEmail;
import org.hackablemail.plugin.email.ReplyEmail;
import org.hackablemail.plugin.host.LogEntry;
import org.hackablemail.plugin.host.Outcome;
import org.hackablemail.plugin.host.SimulatedCall;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the plugin did in one scenario. Payloads and logs are cut short, so that a report stays small enough to keep
 * with each version.
 *
 * @param status passed, failed, or skipped (after a scenario that timed out, to bound the time a push takes)
 * @param problems why it failed: the plugin's failure, or the expectations it missed
 * @param deliver the message as the plugin delivered it, when it called {@code deliver} and the host accepted
 * @param reply the reply it asked for, when the host accepted it
 * @param changedHeaders the headers the delivered message changed (a null value: removed), when it delivered
 * @param millis how long the measured call took on a warm instance (the warm-up's, when that failed); null when the
 *     scenario did not run
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScenarioResult(String name, Status status, Integer returnCode, List<String> problems,
                             Message deliver, Message reply, List<String> logs, List<HeaderChange> changedHeaders,
                             Double millis) {
    static final int MAX_TEXT_CHARS = 2_000;
    static final int MAX_LOG_LINES = 20;

    public enum Status {
        passed, failed, skipped
    }

    /** The subject and body of a {@code deliver} or {@code reply} call. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Message(String subject, String body) {
    }

    static ScenarioResult of(String name, IncomingEmail input, SimulatedCall simulated, List<String> problems) {
        Outcome outcome = simulated.outcome();
        return new ScenarioResult(name, problems.isEmpty() ? Status.passed : Status.failed,
            outcome.succeeded() ? outcome.resultCode() : null, List.copyOf(problems),
            outcome.delivered().map(ScenarioResult::message).orElse(null),
            outcome.reply().map(ScenarioResult::message).orElse(null),
            outcome.logs().stream().limit(MAX_LOG_LINES).map(ScenarioResult::line).collect(Collectors.toList()),
            outcome.delivered().map(delivered -> HeaderChange.between(input, delivered).stream()
                .map(change -> new HeaderChange(change.name(), cut(change.value())))
                .collect(Collectors.toList())).orElse(null),
            simulated.time().toNanos() / 1e6);
    }

    static ScenarioResult skipped(String name, String why) {
        return new ScenarioResult(name, Status.skipped, null, List.of(why), null, null, List.of(), null, null);
    }

    static ScenarioResult unreadable(String name, String why) {
        return new ScenarioResult(name, Status.failed, null, List.of(why), null, null, List.of(), null, null);
    }

    public boolean passed() {
        return status == Status.passed;
    }

    private static Message message(IncomingEmail email) {
        String subject = email.headers() == null ? null : email.headers().get("Subject");
        return new Message(cut(subject), cut(email.body()));
    }

    private static Message message(ReplyEmail reply) {
        return new Message(cut(reply.subject()), cut(reply.body()));
    }

    private static String line(LogEntry entry) {
        return entry.level() + " " + cut(entry.message());
    }

    private static String cut(String text) {
        return text == null || text.length() <= MAX_TEXT_CHARS ? text : text.substring(0, MAX_TEXT_CHARS) + "…";
    }
}
