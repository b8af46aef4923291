package org.hackablemail.core.plugins;

import org.hackablemail.plugin.simulation.SimulationReport;

/** A pushed plugin failed its simulations: it was not stored, and the owner's active plugin is unchanged. */
public class SimulationsFailedException extends Exception {
    private final transient SimulationReport report;

    public SimulationsFailedException(SimulationReport report) {
        super("The plugin failed " + report.scenarios().stream().filter(scenario -> !scenario.passed()).count()
            + " of " + report.scenarios().size() + " simulations:\n" + report.summary());
        this.report = report;
    }

    public SimulationReport report() {
        return report;
    }
}
