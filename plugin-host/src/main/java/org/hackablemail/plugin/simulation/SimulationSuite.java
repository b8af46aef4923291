package org.hackablemail.plugin.simulation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hackablemail.plugin.PluginDigest;
import org.hackablemail.plugin.email.PluginInput;
import org.hackablemail.plugin.host.Outcome;
import org.hackablemail.plugin.host.PluginFailure;
import org.hackablemail.plugin.host.PluginSandbox;

/**
 * Runs an installed plugin through scenarios in the sandbox, with the mock host each scenario describes, through
 * {@link PluginSandbox#simulate}: the owner's real state is never touched. A scenario passes when the plugin returns an
 * integer, without trapping or timing out, and does what the scenario expects. After a timeout the remaining
 * scenarios are skipped, so that a runaway plugin costs one timeout, not one per scenario.
 */
public final class SimulationSuite {
    private final PluginSandbox host;
    private final int maxInputBytes;

    public SimulationSuite(PluginSandbox host, int maxInputBytes) {
        this.host = host;
        this.maxInputBytes = maxInputBytes;
    }

    /** Runs the built-in scenarios, then the owner's own. */
    public SimulationReport run(PluginDigest plugin, String owner, Map<String, String> config,
                                List<Scenario> ownerScenarios) {
        List<Scenario> scenarios = new ArrayList<>(BuiltInScenarios.all());
        scenarios.addAll(ownerScenarios);
        List<ScenarioResult> results = new ArrayList<>();
        String timedOut = null;
        for (Scenario scenario : scenarios) {
            if (timedOut != null) {
                results.add(ScenarioResult.skipped(scenario.name(), "skipped: scenario '" + timedOut + "' timed out"));
                continue;
            }
            Run run = run(plugin, owner, config, scenario);
            results.add(run.result());
            if (run.timedOut()) {
                timedOut = scenario.name();
            }
        }
        return SimulationReport.of(results);
    }

    /** Runs one scenario alone: what the plugin does with one message an author wants to try. */
    public ScenarioResult runOne(PluginDigest plugin, String owner, Map<String, String> config, Scenario scenario) {
        return run(plugin, owner, config, scenario).result();
    }

    private record Run(ScenarioResult result, boolean timedOut) {
    }

    private Run run(PluginDigest plugin, String owner, Map<String, String> config, Scenario scenario) {
        PluginInput input;
        try {
            input = scenario.input(owner, maxInputBytes);
        } catch (IllegalArgumentException e) {
            return new Run(ScenarioResult.unreadable(scenario.name(), e.getMessage()), false);
        }
        long start = System.nanoTime();
        Outcome outcome = host.simulate(plugin, scenario.call(input, owner, config));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        List<String> problems = outcome.failure()
            .map(failure -> List.of(failure.toString()))
            .orElseGet(() -> scenario.expect().problems(outcome));
        return new Run(ScenarioResult.of(scenario.name(), input.email(), outcome, problems, took), timedOut(outcome));
    }

    private static boolean timedOut(Outcome outcome) {
        return outcome.failure().map(PluginFailure::reason).filter(PluginFailure.Reason.TIMEOUT::equals).isPresent();
    }
}
