package org.hackablemail.core.plugins;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.hackablemail.core.cache.RefreshPolicy;
import org.hackablemail.core.circuit.CircuitBreaker;
import org.hackablemail.core.circuit.fs.FileSystemCircuitStore;
import org.hackablemail.core.store.StorageSettings;
import org.hackablemail.core.store.fs.FileSystemStorage;
import org.hackablemail.core.trace.PluginTrace;
import org.hackablemail.plugin.host.HostCapacity;
import org.hackablemail.plugin.host.PluginHost;
import org.hackablemail.plugin.host.SandboxLimits;
import org.hackablemail.plugin.simulation.SimulationSuite;

/**
 * For tests of the James side: the owners' plugins on the file-system stores in a directory and the real host, every
 * run recorded in the trace.
 */
public final class OwnerPluginsOnDisk implements AutoCloseable {
    private final FileSystemStorage storage;
    private final PluginHost host;
    private final PluginTrace trace;
    private final CircuitBreaker circuits;
    private final OwnerPlugins plugins;

    public OwnerPluginsOnDisk(Path directory, SandboxLimits limits) {
        this(directory, limits, run -> { });
    }

    /** Also telling {@code listener} of every run. */
    public OwnerPluginsOnDisk(Path directory, SandboxLimits limits, PluginRunListener listener) {
        storage = new FileSystemStorage(directory, Clock.systemUTC(), StorageSettings.defaults());
        host = new PluginHost(limits, HostCapacity.defaults());
        trace = new PluginTrace(storage.trace(), Duration.ofSeconds(1));
        RefreshPolicy refresh = new RefreshPolicy(Duration.ofSeconds(5), Clock.systemUTC(), Runnable::run);
        circuits = new CircuitBreaker(new FileSystemCircuitStore(directory.resolve("circuits")),
            CircuitBreaker.Settings.DEFAULT, Clock.systemUTC(), refresh);
        plugins = new OwnerPlugins(storage.plugins(), storage.variables(), host, new SimulationSuite(host, limits),
            storage.audit(), circuits, refresh, PluginRunListener.all(List.of(trace, listener), (run, e) -> {
                throw e;
            }));
    }

    public OwnerPlugins plugins() {
        return plugins;
    }

    public PluginTrace trace() {
        return trace;
    }

    public CircuitBreaker circuits() {
        return circuits;
    }

    public FileSystemStorage storage() {
        return storage;
    }

    @Override
    public void close() {
        host.close();
    }
}
