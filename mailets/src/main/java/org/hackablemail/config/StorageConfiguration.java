package org.hackablemail.config;

import java.time.Duration;

import org.hackablemail.core.store.StorageSettings;
import org.hackablemail.core.store.VariableQuotas;
import org.hackablemail.core.trace.TraceRetention;

/** Which back-end holds the bundle's state, and the settings of its stores, from {@code hackable-mail.properties}. */
public final class StorageConfiguration {
    public static final String STORAGE = "storage";
    public static final String FILE_SYSTEM = "filesystem";
    public static final String CASSANDRA = "cassandra";

    private StorageConfiguration() {
    }

    /**
     * The back-end: {@code filesystem}, the data directory of this node; or {@code cassandra}, shared by every node
     * configured so ({@link CassandraConfiguration}).
     */
    public static String backend(HackableMailConfiguration configuration) {
        return configuration.value(STORAGE, FILE_SYSTEM, value -> {
            if (!value.equals(FILE_SYSTEM) && !value.equals(CASSANDRA)) {
                throw new IllegalArgumentException("the storage must be '" + FILE_SYSTEM + "' or '" + CASSANDRA + "'");
            }
            return value;
        });
    }

    /** How soon a change made on another node reaches this one. */
    public static Duration refresh(HackableMailConfiguration configuration) {
        return configuration.value("storage.refresh", "5s", ValueParsers::positiveDuration);
    }

    public static StorageSettings settings(HackableMailConfiguration configuration) {
        VariableQuotas quotas = new VariableQuotas(
            configuration.value("plugin.vars.max.count", String.valueOf(StorageSettings.DEFAULT_MAX_VARIABLES),
                ValueParsers::positiveInt),
            configuration.value("plugin.vars.max.bytes", "1M", ValueParsers::positiveSize));
        long cacheBytes = configuration.value("plugin.vars.cache.memory", "64M", ValueParsers::positiveSize);
        int keepVersions = configuration.value("plugin.versions.keep",
            String.valueOf(StorageSettings.DEFAULT_KEEP_VERSIONS), ValueParsers::positiveInt);
        TraceRetention retention = new TraceRetention(
            configuration.value("trace.max.entries", String.valueOf(TraceRetention.DEFAULT.maxEntries()),
                ValueParsers::positiveInt),
            configuration.value("trace.max.bytes", "512K", ValueParsers::positiveSize),
            configuration.value("trace.max.age", "7 days", ValueParsers::positiveDuration));
        try {
            return new StorageSettings(keepVersions, quotas, cacheBytes, retention);
        } catch (IllegalArgumentException e) {
            throw new InvalidPropertyException("plugin.vars.cache.memory", String.valueOf(cacheBytes),
                configuration.source(), e.getMessage());
        }
    }
}
