package org.hackablemail.plugin.simulation;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The result of a simulation run: passed when every scenario passed. Serializes to the JSON the routes show.
 *
 * @param callTimeoutMillis what a call may take in production, which each scenario's time was held to
 */
public record SimulationReport(boolean passed, Long callTimeoutMillis, List<ScenarioResult> scenarios) {

    public static SimulationReport of(List<ScenarioResult> scenarios, Duration callTimeout) {
        return new SimulationReport(scenarios.stream().allMatch(ScenarioResult::passed), callTimeout.toMillis(),
            List.copyOf(scenarios));
    }

    /** One line per scenario that did not pass, e.g. {@code large body: timeout: no result within 1000 ms}. */
    public String summary() {
        return scenarios.stream()
            .filter(scenario -> !scenario.passed())
            .map(scenario -> scenario.name() + ": " + String.join("; ", scenario.problems()))
            .collect(Collectors.joining("\n"));
    }
}
