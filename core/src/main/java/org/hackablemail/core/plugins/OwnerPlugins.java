package org.hackablemail.core.plugins;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import javax.inject.Inject;

import org.hackablemail.core.Owner;
import org.hackablemail.core.cache.RefreshPolicy;
import org.hackablemail.core.circuit.Circuit;
import org.hackablemail.core.circuit.CircuitBreaker;
import org.hackablemail.core.circuit.Fallback;
import org.hackablemail.core.cache.RefreshingCache;
import org.hackablemail.core.store.AuditEntry;
import org.hackablemail.core.store.AuditLog;
import org.hackablemail.core.store.PluginStore;
import org.hackablemail.core.store.PluginVersion;
import org.hackablemail.core.store.VariableQuotaExceededException;
import org.hackablemail.core.store.VariableStore;
import org.hackablemail.plugin.PluginDigest;
import org.hackablemail.plugin.email.PluginInput;
import org.hackablemail.plugin.host.EmailCall;
import org.hackablemail.plugin.host.Outcome;
import org.hackablemail.plugin.host.PluginFailure;
import org.hackablemail.plugin.host.PluginRejectedException;
import org.hackablemail.plugin.host.PluginSandbox;
import org.hackablemail.plugin.simulation.Scenario;
import org.hackablemail.plugin.simulation.ScenarioResult;
import org.hackablemail.plugin.simulation.SimulationReport;
import org.hackablemail.plugin.simulation.SimulationSuite;

/**
 * The mailbox owners' plugins: which one is active for an address, pushing, testing, activating and deleting them,
 * their configuration, and running them. Every change goes through here and is written to the audit log.
 *
 * <p>The active plugin and configuration of each owner are cached rather than read from the store for every
 * recipient of every message: a change made here applies at once, a change made on another node within the refresh
 * interval; while the store is down, owners read before keep their plugin. Admin reads (versions, configuration)
 * go to the store.
 */
public class OwnerPlugins {
    private static final int MAX_CACHED_OWNERS = 100_000;
    /** Runs of one message whose variable writes lost to another call's: then the message is deferred. */
    private static final int MAX_RUNS = 4;

    private final PluginStore store;
    private final VariableStore variables;
    private final PluginSandbox sandbox;
    private final SimulationSuite simulations;
    private final AuditLog audit;
    private final CircuitBreaker circuits;
    private final PluginStats stats = new PluginStats();
    private final PluginRunListener runListener;
    private final RefreshingCache<Owner, Optional<ActivePlugin>> activeByOwner;

    /** What a call needs: the active module, its version number and its configuration. */
    private record ActivePlugin(int version, PluginDigest digest, Map<String, String> config) {
    }

    /**
     * @param runListener told of every run ({@link #run}): the trace, the log, the metrics
     */
    @Inject
    public OwnerPlugins(PluginStore store, VariableStore variables, PluginSandbox sandbox, SimulationSuite simulations,
                        AuditLog audit, CircuitBreaker circuits, RefreshPolicy refresh, PluginRunListener runListener) {
        this.store = store;
        this.variables = variables;
        this.sandbox = sandbox;
        this.simulations = simulations;
        this.audit = audit;
        this.runListener = runListener;
        this.circuits = circuits;
        this.activeByOwner = new RefreshingCache<>("active plugin", refresh, MAX_CACHED_OWNERS,
            owner -> store.active(owner).map(version ->
                new ActivePlugin(version.version(), version.digest(), store.config(owner))));
    }

    public boolean hasPlugin(Owner owner) {
        return active(owner).isPresent();
    }

    public Optional<PluginVersion> activeVersion(Owner owner) {
        return store.active(owner);
    }

    /** The owner's versions still kept, oldest first; empty for an owner who never pushed (or was deleted). */
    public List<PluginVersion> history(Owner owner) {
        return store.history(owner);
    }

    /** The owners with at least one version. */
    public List<Owner> owners() {
        return store.owners();
    }

    /**
     * Validates and compiles the module, runs the simulations (built-in and the owner's), then makes it the owner's
     * new active version, which runs even if the circuit breaker had suspended the previous one. Nothing changes when
     * it is refused.
     *
     * @param enforceSimulations false to store it even when simulations fail (administrators only)
     * @throws PluginRejectedException when the module is invalid, with a reason fit for the plugin's author
     * @throws SimulationsFailedException when it failed a simulation, with the report
     */
    public PluginVersion push(Owner owner, byte[] wasm, List<Scenario> ownerCases, String actor,
                              boolean enforceSimulations) throws PluginRejectedException, SimulationsFailedException {
        SimulationReport report = test(owner, wasm, ownerCases, true);
        if (!report.passed() && enforceSimulations) {
            throw new SimulationsFailedException(report);
        }
        PluginVersion version = store.push(owner, wasm, actor, report);
        circuits.reset(owner);
        changed(owner, actor, "push", "version " + version.version() + " " + version.digest()
            + (report.passed() ? "" : ", simulations failed"));
        return version;
    }

    /** Validates, compiles and simulates the module for the owner, without storing it. */
    public SimulationReport test(Owner owner, byte[] wasm, List<Scenario> ownerCases)
            throws PluginRejectedException {
        return test(owner, wasm, ownerCases, false);
    }

    /** @param persist true when the module is to serve mail: its compiled code is kept; a mere test must not */
    private SimulationReport test(Owner owner, byte[] wasm, List<Scenario> ownerCases, boolean persist)
            throws PluginRejectedException {
        PluginDigest digest = sandbox.install(owner.asString(), wasm, persist);
        return simulations.run(digest, owner.asString(), store.config(owner), ownerCases);
    }

    /**
     * Makes one of the owner's versions active: a rollback, or a roll forward. A plugin the circuit breaker
     * suspended runs again.
     *
     * @throws IllegalArgumentException when the owner has no such version
     */
    public PluginVersion activate(Owner owner, int version, String actor) {
        PluginVersion activated = store.activate(owner, version);
        circuits.reset(owner);
        changed(owner, actor, "activate", "version " + version);
        return activated;
    }

    /** The module of one of the owner's versions. */
    public Optional<byte[]> module(Owner owner, int version) {
        return history(owner).stream()
            .filter(candidate -> candidate.version() == version)
            .findFirst()
            .flatMap(found -> store.module(found.digest()));
    }

    /**
     * Forgets the owner's versions, configuration and plugin variables (the next holder of the address must not
     * inherit them); returns false when there was neither a version nor a configuration.
     */
    public boolean delete(Owner owner, String actor) {
        boolean deleted = store.delete(owner);
        variables.deleteAll(owner);
        stats.forget(owner);
        circuits.forget(owner);
        if (!deleted) {
            activeByOwner.invalidate(owner);
            return false;
        }
        changed(owner, actor, "delete", "");
        return true;
    }

    public Map<String, String> config(Owner owner) {
        return store.config(owner);
    }

    public void setConfig(Owner owner, Map<String, String> config, String actor) {
        store.setConfig(owner, config);
        changed(owner, actor, "config", String.join(",", new TreeSet<>(config.keySet())));
    }

    /** The circuit breaker's state of the owner's plugin: failures in a row, whether it is suspended, the fallback. */
    public Circuit circuit(Owner owner) {
        return circuits.state(owner);
    }

    /** What becomes of the owner's mail while their plugin is suspended. */
    public void setFallback(Owner owner, Fallback fallback, String actor) {
        circuits.setFallback(owner, fallback);
        audit.record(actor, owner, "fallback", fallback.label());
    }

    /** What each version of the owner's plugin did since James started, by version number. */
    public Map<Integer, PluginStats.Snapshot> stats(Owner owner) {
        return stats.snapshot(owner);
    }

    public List<AuditEntry> auditLog(Optional<Owner> owner, int limit) {
        return audit.read(owner, limit);
    }

    /**
     * Runs the owner's active plugin on one message, with its configuration, commits the variables a successful
     * call wrote, and tells the run listener; empty when the owner has none. The call reads the variables as they
     * are at one version; its writes are committed only if that version is still current, otherwise the call runs
     * again (what makes a vacation responder answer once, also across nodes). Writes over the owner's quota fail
     * the call, keeping nothing.
     *
     * @throws StorageUnavailableException when the variables cannot be read or written: the mail must wait
     */
    public Optional<Outcome> run(Owner owner, PluginInput input, boolean replyAllowed) {
        return active(owner).map(plugin -> {
            Instant started = Instant.now();
            long start = System.nanoTime();
            EmailCall call = new EmailCall(owner.asString(), input.json(), plugin.config(), replyAllowed);
            Outcome outcome = runAndCommit(owner, plugin.digest(), call);
            PluginRun run = new PluginRun(started, owner, plugin.version(), input.email(), outcome,
                Duration.ofNanos(System.nanoTime() - start));
            stats.record(run);
            runListener.ran(run);
            return outcome;
        });
    }

    private Outcome runAndCommit(Owner owner, PluginDigest plugin, EmailCall call) {
        for (int run = 1; ; run++) {
            long version = variables.version(owner);
            Outcome outcome = sandbox.onEmail(plugin, call, name -> variables.get(owner, name));
            if (!outcome.succeeded() || outcome.variableWrites().isEmpty()) {
                return outcome;
            }
            try {
                if (variables.commit(owner, version, outcome.variableWrites())) {
                    return outcome;
                }
            } catch (VariableQuotaExceededException e) {
                return Outcome.failed(new PluginFailure(PluginFailure.Reason.DENIED, e.getMessage()), outcome.logs(),
                    outcome.cpuTime());
            }
            if (run == MAX_RUNS) {
                return Outcome.failed(new PluginFailure(PluginFailure.Reason.HOST_BUSY, "its variables changed while"
                    + " it ran, " + MAX_RUNS + " times in a row"), outcome.logs(), outcome.cpuTime());
            }
        }
    }

    /**
     * Runs the owner's active plugin, with its configuration, on one message as a simulation: what it would do, with
     * nothing delivered, replied, stored or traced. Empty when the owner has no active plugin.
     */
    public Optional<ScenarioResult> tryOn(Owner owner, Scenario message) {
        return active(owner).map(plugin -> simulations.runOne(plugin.digest(), owner.asString(), plugin.config(), message));
    }

    private Optional<ActivePlugin> active(Owner owner) {
        return activeByOwner.get(owner);
    }

    private void changed(Owner owner, String actor, String action, String detail) {
        activeByOwner.invalidate(owner);
        audit.record(actor, owner, action, detail);
    }
}
