package org.hackablemail.plugin.host;

/**
 * How much one host keeps warm, bounding its memory whatever the number of plugin owners.
 *
 * @param compiledCodeBytes compiled plugins kept in memory, weighed in bytes (least recently used evicted first)
 * @param idleInstancesPerPlugin warm instances kept per owner and plugin
 * @param idleMemoryBytes memory (plugin and kernel) that warm instances may hold in all
 * @param maxConcurrentCalls calls running at once; more are refused as {@link PluginFailure.Reason#HOST_BUSY}
 */
public record HostCapacity(long compiledCodeBytes, int idleInstancesPerPlugin, long idleMemoryBytes,
                           int maxConcurrentCalls) {
    private static final long MIB = 1024 * 1024;

    public HostCapacity {
        if (compiledCodeBytes < 1 || idleInstancesPerPlugin < 0 || idleMemoryBytes < 0 || maxConcurrentCalls < 1) {
            throw new IllegalArgumentException("Invalid host capacity: " + this);
        }
    }

    public static HostCapacity defaults() {
        return new HostCapacity(64 * MIB, 2, 64 * MIB, 64);
    }
}
