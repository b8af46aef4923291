package org.hackablemail.core.store;

import org.hackablemail.core.trace.TraceRetention;

/**
 * What every back-end's stores are told, from {@code hackable-mail.properties}.
 *
 * @param keepVersions       how many of an owner's latest plugin versions are kept besides the active one
 *                           ({@code plugin.versions.keep})
 * @param variableQuotas     per owner ({@code plugin.vars.max.count}, {@code plugin.vars.max.bytes})
 * @param variableCacheBytes the plugin variables a node holds in memory, all owners together
 *                           ({@code plugin.vars.cache.memory})
 * @param traceRetention     how much of each owner's trace is kept ({@code trace.max.entries},
 *                           {@code trace.max.bytes}, {@code trace.max.age})
 */
public record StorageSettings(int keepVersions, VariableQuotas variableQuotas, long variableCacheBytes,
                              TraceRetention traceRetention) {
    public static final int DEFAULT_KEEP_VERSIONS = 10;
    public static final int DEFAULT_MAX_VARIABLES = 10_000;
    public static final long DEFAULT_MAX_VARIABLE_BYTES = 1024 * 1024;
    public static final long DEFAULT_VARIABLE_CACHE_BYTES = 64 * 1024 * 1024;

    public StorageSettings {
        if (keepVersions < 1) {
            throw new IllegalArgumentException("At least one plugin version must be kept, not " + keepVersions);
        }
        if (variableCacheBytes < variableQuotas.maxBytes()) {
            throw new IllegalArgumentException("The variable cache (" + variableCacheBytes + " bytes) must hold at "
                + "least one owner's quota (" + variableQuotas.maxBytes() + " bytes)");
        }
    }

    /** With the default trace retention. */
    public StorageSettings(int keepVersions, VariableQuotas variableQuotas, long variableCacheBytes) {
        this(keepVersions, variableQuotas, variableCacheBytes, TraceRetention.DEFAULT);
    }

    public static StorageSettings defaults() {
        return new StorageSettings(DEFAULT_KEEP_VERSIONS,
            new VariableQuotas(DEFAULT_MAX_VARIABLES, DEFAULT_MAX_VARIABLE_BYTES), DEFAULT_VARIABLE_CACHE_BYTES);
    }
}
