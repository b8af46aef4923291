package org.hackablemail.cli.plugin;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

import org.hackablemail.core.PrintableText;
import org.hackablemail.plugin.simulation.ScenarioResult;
import org.hackablemail.plugin.simulation.SimulationReport;

/**
 * Prints what a plugin did in each scenario: status and time, return code, problems, deliver (with the headers it
 * changed) and reply calls, logs. Texts from the plugin and the messages go through {@link PrintableText}: they cannot
 * move the cursor or colour the terminal.
 */
final class ReportPrinter {
    private final PrintWriter out;

    ReportPrinter(PrintWriter out) {
        this.out = out;
    }

    void print(SimulationReport report) {
        report.scenarios().forEach(result -> print(result, report.callTimeoutMillis()));
        long failed = report.scenarios().stream().filter(result -> !result.passed()).count();
        out.println(report.passed() ? "All " + report.scenarios().size() + " simulations passed, each within the "
            + report.callTimeoutMillis() + " ms a call may take in production."
            : failed + " of " + report.scenarios().size() + " simulations failed.");
    }

    /** @param callTimeoutMillis what a call may take in production, which the scenario's time was held to */
    void print(ScenarioResult result, Long callTimeoutMillis) {
        String time = result.millis() == null ? ""
            : "  (" + result.millis().longValue() + " ms of " + callTimeoutMillis + ")";
        out.println(result.status().name().toUpperCase(Locale.ROOT) + "  " + result.name() + time);
        if (result.returnCode() != null) {
            out.println("    returned " + result.returnCode());
        }
        result.problems().forEach(problem -> out.println("    problem: " + PrintableText.of(problem)));
        print("deliver", result.deliver());
        if (result.changedHeaders() != null) {
            result.changedHeaders().forEach(change -> out.println(change.value() == null
                ? "    removed header: " + PrintableText.of(change.name())
                : "    changed header: " + PrintableText.of(change.name()) + ": " + PrintableText.of(change.value())));
        }
        print("reply", result.reply());
        List<String> logs = result.logs() == null ? List.of() : result.logs();
        logs.forEach(line -> out.println("    log: " + PrintableText.of(line)));
    }

    private void print(String call, ScenarioResult.Message message) {
        if (message == null) {
            return;
        }
        out.println("    " + call + ": Subject: " + PrintableText.of(message.subject()));
        if (message.body() != null) {
            message.body().lines().forEach(line -> out.println("      | " + PrintableText.of(line)));
        }
    }
}
