package org.hackablemail.plugin.simulation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hackablemail.plugin.PluginDigest;
import org.hackablemail.plugin.email.PluginInput;
import org.hackablemail.plugin.host.PluginFailure;
import org.hackablemail.plugin.host.PluginSandbox;
import org.hackablemail.plugin.host.SandboxLimits;
import org.hackablemail.plugin.host.SimulatedCall;

/**
 * Runs an installed plugin through scenarios in the sandbox, with the mock host each scenario describes, through
 * {@link PluginSandbox#simulate}: the owner's real state is never touched. Each scenario is run as production runs a
 * call, on a warm instance, and must take no longer than the production call timeout ({@code callTimeout}); its
 * time is in the report. A scenario passes when the plugin returns an integer in time, without trapping, and does
 * what the scenario expects. After a scenario that timed out or ran over the call timeout, the remaining ones are
 * skipped, so that a slow plugin costs one slow scenario, not one per scenario.
 */
public final class SimulationSuite {
    private final PluginSandbox host;
    private final int maxInputBytes;
    private final Duration callTimeout;

    public SimulationSuite(PluginSandbox host, SandboxLimits limits) {
        this.host = host;
        this.maxInputBytes = limits.maxInputBytes();
        this.callTimeout = limits.callTimeout();
    }

    /** Runs the built-in scenarios, then the owner's own. */
    public SimulationReport run(PluginDigest plugin, String owner, Map<String, String> config,
                                List<Scenario> ownerScenarios) {
        List<Scenario> scenarios = new ArrayList<>(BuiltInScenarios.all());
        scenarios.addAll(ownerScenarios);
        List<ScenarioResult> results = new ArrayList<>();
        String tooSlow = null;
        for (Scenario scenario : scenarios) {
            if (tooSlow != null) {
                results.add(ScenarioResult.skipped(scenario.name(), "skipped: scenario '" + tooSlow + "' was too slow"));
                continue;
            }
            Run run = run(plugin, owner, config, scenario);
            results.add(run.result());
            if (run.tooSlow()) {
                tooSlow = scenario.name();
            }
        }
        return SimulationReport.of(results, callTimeout);
    }

    /** Runs one scenario alone: what the plugin does with one message an author wants to try. */
    public ScenarioResult runOne(PluginDigest plugin, String owner, Map<String, String> config, Scenario scenario) {
        return run(plugin, owner, config, scenario).result();
    }

    private record Run(ScenarioResult result, boolean tooSlow) {
    }

    private Run run(PluginDigest plugin, String owner, Map<String, String> config, Scenario scenario) {
        PluginInput input;
        try {
            input = scenario.input(owner, maxInputBytes);
        } catch (IllegalArgumentException e) {
            return new Run(ScenarioResult.unreadable(scenario.name(), e.getMessage()), false);
        }
        SimulatedCall simulated = host.simulate(plugin, scenario.call(input, owner, config));
        boolean overTime = simulated.time().compareTo(callTimeout) > 0;
        boolean timedOut = simulated.outcome().failure().map(PluginFailure::reason)
            .filter(PluginFailure.Reason.TIMEOUT::equals).isPresent();
        List<String> problems = simulated.outcome().failure()
            .map(failure -> List.of(failure.toString()))
            .orElseGet(() -> overTime ? List.of(overTime(simulated.time()))
                : scenario.expect().problems(simulated.outcome()));
        return new Run(ScenarioResult.of(scenario.name(), input.email(), simulated, problems), overTime || timedOut);
    }

    private String overTime(Duration time) {
        return "took " + time.toMillis() + " ms on a warm instance, more than the " + callTimeout.toMillis()
            + " ms a call may take in production: mail would fail with a timeout";
    }
}
