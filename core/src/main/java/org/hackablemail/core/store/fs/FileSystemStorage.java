package org.hackablemail.core.store.fs;

import java.nio.file.Path;
import java.time.Clock;

import org.hackablemail.core.store.AuditLog;
import org.hackablemail.core.store.PluginStore;
import org.hackablemail.core.store.Storage;
import org.hackablemail.core.store.StorageSettings;
import org.hackablemail.core.circuit.CircuitStore;
import org.hackablemail.core.circuit.fs.FileSystemCircuitStore;
import org.hackablemail.core.trace.TraceStore;
import org.hackablemail.core.trace.fs.FileSystemTraceStore;

/**
 * The stores in the bundle's data directory, for one James node (the default: nothing to install):
 * {@code plugins/}, {@code plugin-vars/}, {@code guests/guests.json}, {@code audit/audit.jsonl}, {@code trace/}, {@code circuits/}.
 */
public final class FileSystemStorage implements Storage {
    private final PluginStore plugins;
    private final FileSystemVariableStore variables;
    private final FileSystemGuestStore guests;
    private final AuditLog audit;
    private final TraceStore trace;
    private final CircuitStore circuits;

    public FileSystemStorage(Path dataDirectory, Clock clock, StorageSettings settings) {
        this.plugins = new FileSystemPluginStore(dataDirectory.resolve("plugins"), clock, settings.keepVersions());
        this.variables = new FileSystemVariableStore(dataDirectory.resolve("plugin-vars"), settings.variableQuotas(),
            settings.variableCacheBytes());
        this.guests = new FileSystemGuestStore(dataDirectory.resolve("guests").resolve("guests.json"));
        this.audit = new FileAuditLog(dataDirectory.resolve("audit").resolve("audit.jsonl"), clock);
        this.trace = new FileSystemTraceStore(dataDirectory.resolve("trace"), settings.traceRetention(), clock);
        this.circuits = new FileSystemCircuitStore(dataDirectory.resolve("circuits"));
    }

    @Override
    public PluginStore plugins() {
        return plugins;
    }

    /** The file-system store itself, which can also list all of an owner's variables (for a migration). */
    @Override
    public FileSystemVariableStore variables() {
        return variables;
    }

    /** The file-system store itself, which can also give all it holds (for a migration). */
    @Override
    public FileSystemGuestStore guests() {
        return guests;
    }

    @Override
    public AuditLog audit() {
        return audit;
    }

    @Override
    public TraceStore trace() {
        return trace;
    }

    @Override
    public CircuitStore circuits() {
        return circuits;
    }
}
