package org.hackablemail.plugin.host;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Optional;

import org.hackablemail.plugin.PluginDigest;

/**
 * Warm plugin instances, kept per owner and plugin so that no instance ever serves two owners: the plugin's
 * memory survives between calls and may hold the previous message. Bounded in number per owner, and in memory
 * (plugin and kernel) in all: beyond it, the instances of the least recently used owner go first.
 */
final class InstancePool {
    private final int maxPerKey;
    private final long maxIdleBytes;
    private final LinkedHashMap<Key, Deque<PluginInstance>> idle = new LinkedHashMap<>(16, 0.75f, true);
    private long idleBytes;

    record Key(String owner, PluginDigest digest) {
    }

    InstancePool(int maxPerKey, long maxIdleBytes) {
        this.maxPerKey = maxPerKey;
        this.maxIdleBytes = maxIdleBytes;
    }

    synchronized Optional<PluginInstance> take(Key key) {
        Deque<PluginInstance> instances = idle.get(key);
        if (instances == null) {
            return Optional.empty();
        }
        PluginInstance instance = instances.pop();
        idleBytes -= instance.memoryBytes();
        if (instances.isEmpty()) {
            idle.remove(key);
        }
        return Optional.of(instance);
    }

    /** Keeps a healthy instance for the next call, if there is room. */
    synchronized void offer(Key key, PluginInstance instance) {
        Deque<PluginInstance> instances = idle.get(key);
        if (instances == null) {
            if (maxPerKey == 0 || instance.memoryBytes() > maxIdleBytes) {
                return;
            }
            instances = new ArrayDeque<>();
            idle.put(key, instances);
        } else if (instances.size() >= maxPerKey) {
            return;
        }
        instances.push(instance);
        idleBytes += instance.memoryBytes();
        evictLeastRecentlyUsed();
    }

    private void evictLeastRecentlyUsed() {
        Iterator<Deque<PluginInstance>> leastRecentFirst = idle.values().iterator();
        while (idleBytes > maxIdleBytes && leastRecentFirst.hasNext()) {
            for (PluginInstance evicted : leastRecentFirst.next()) {
                idleBytes -= evicted.memoryBytes();
            }
            leastRecentFirst.remove();
        }
    }
}
