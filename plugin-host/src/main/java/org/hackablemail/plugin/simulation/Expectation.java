package org.hackablemail.plugin.simulation;

import java.util.ArrayList;
import java.util.List;

import org.hackablemail.plugin.host.Outcome;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What an owner expects of their plugin in one simulation case; an absent value is not checked.
 *
 * @param returnCode what {@code onEmail} returns
 * @param deliver whether it calls {@code deliver} (and the host accepts it)
 * @param reply whether it calls {@code reply} (and the host accepts it)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Expectation(Integer returnCode, Boolean deliver, Boolean reply) {

    /** Only what every plugin must do: return an integer. */
    public static Expectation none() {
        return new Expectation(null, null, null);
    }

    /** Why the outcome, which returned a result code, is not what was expected; empty when it is. */
    List<String> problems(Outcome outcome) {
        List<String> problems = new ArrayList<>();
        if (returnCode != null && outcome.resultCode() != returnCode) {
            problems.add("expected return code " + returnCode + ", got " + outcome.resultCode());
        }
        if (deliver != null && outcome.delivered().isPresent() != deliver) {
            problems.add(deliver ? "expected a deliver call, there was none" : "expected no deliver call, there was one");
        }
        if (reply != null && outcome.reply().isPresent() != reply) {
            problems.add(reply ? "expected a reply call, there was none" : "expected no reply call, there was one");
        }
        return problems;
    }
}
