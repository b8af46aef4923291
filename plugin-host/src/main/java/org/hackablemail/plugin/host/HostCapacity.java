package org.hackablemail.plugin.host;

/**
 * How much the host keeps warm, bounding its memory whatever the number of plugin owners.
 *
 * @param compiledPlugins compiled modules cached (least recently used evicted first)
 * @param idleInstancesPerPlugin warm instances kept per owner and plugin
 * @param idleMemoryBytes memory (plugin and kernel) that warm instances may hold in all
 * @param maxConcurrentCalls calls running at once; more are refused as {@link PluginFailure.Reason#HOST_BUSY}
 */
public record HostCapacity(int compiledPlugins, int idleInstancesPerPlugin, long idleMemoryBytes,
                           int maxConcurrentCalls) {

    public HostCapacity {
        if (compiledPlugins < 1 || idleInstancesPerPlugin < 0 || idleMemoryBytes < 0 || maxConcurrentCalls < 1) {
            throw new IllegalArgumentException("Invalid host capacity: " + this);
        }
    }

    public static HostCapacity defaults() {
        return new HostCapacity(256, 2, 256L * 1024 * 1024, 64);
    }
}
