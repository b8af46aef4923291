package org.hackablemail.cli.plugin;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hackablemail.plugin.PluginDigest;
import org.hackablemail.plugin.host.HostCapacity;
import org.hackablemail.plugin.host.PluginHost;
import org.hackablemail.plugin.host.PluginRejectedException;
import org.hackablemail.plugin.host.SandboxLimits;
import org.hackablemail.plugin.simulation.Scenario;
import org.hackablemail.plugin.simulation.ScenarioResult;
import org.hackablemail.plugin.simulation.SimulationReport;
import org.hackablemail.plugin.simulation.SimulationSuite;

/**
 * The server's sandbox and simulations with their default limits, on this machine: each run on a warm instance and
 * held to the production call timeout (the default one, or the server's when given).
 */
final class LocalSandbox implements AutoCloseable {
    static final String OWNER = "you@example.org";

    private final SandboxLimits limits;
    private final PluginHost host;
    private final SimulationSuite suite;
    private final PluginDigest plugin;
    private final Map<String, String> config;

    /**
     * @param config      what the plugin reads with {@code config_get}
     * @param callTimeout the server's {@code plugin.timeout}, when it is not the default
     */
    LocalSandbox(byte[] wasm, Map<String, String> config, Optional<Duration> callTimeout) throws CliFailure {
        this.config = Map.copyOf(config);
        this.limits = callTimeout.map(timeout -> SandboxLimits.builder().callTimeout(timeout).build())
            .orElseGet(SandboxLimits::defaults);
        this.host = new PluginHost(limits, HostCapacity.defaults());
        this.suite = new SimulationSuite(host, limits);
        try {
            this.plugin = host.install(wasm, false);
        } catch (PluginRejectedException e) {
            host.close();
            throw new CliFailure("invalid plugin: " + e.getMessage(), CliFailure.REFUSED);
        }
    }

    /** What a call may take in production. */
    Duration callTimeout() {
        return limits.callTimeout();
    }

    SimulationReport simulate(List<Scenario> ownerCases) {
        return suite.run(plugin, OWNER, config, ownerCases);
    }

    ScenarioResult run(Scenario scenario) {
        return suite.runOne(plugin, OWNER, config, scenario);
    }

    @Override
    public void close() {
        host.close();
    }
}
