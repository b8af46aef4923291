package org.hackablemail.plugin.host;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.hackablemail.plugin.PluginDigest;

/**
 * Warm plugin instances, kept per owner and plugin so that no instance ever serves two owners: the plugin's
 * memory survives between calls and may hold the previous message. Bounded per owner and in all; when full, the
 * instances of the least recently used owner go first.
 */
final class InstancePool {
    private final int maxPerKey;
    private final int maxTotal;
    private final LinkedHashMap<Key, Deque<PluginInstance>> idle = new LinkedHashMap<>(16, 0.75f, true);
    private int idleCount;

    record Key(String owner, PluginDigest digest) {
    }

    InstancePool(int maxPerKey, int maxTotal) {
        this.maxPerKey = maxPerKey;
        this.maxTotal = maxTotal;
    }

    synchronized Optional<PluginInstance> take(Key key) {
        Deque<PluginInstance> instances = idle.get(key);
        if (instances == null) {
            return Optional.empty();
        }
        PluginInstance instance = instances.pop();
        idleCount--;
        if (instances.isEmpty()) {
            idle.remove(key);
        }
        return Optional.of(instance);
    }

    /** Keeps a healthy instance for the next call, if there is room. */
    synchronized void offer(Key key, PluginInstance instance) {
        Deque<PluginInstance> instances = idle.get(key);
        if (instances == null) {
            if (maxPerKey == 0) {
                return;
            }
            instances = new ArrayDeque<>();
            idle.put(key, instances);
        } else if (instances.size() >= maxPerKey) {
            return;
        }
        instances.push(instance);
        idleCount++;
        evictBeyond(maxTotal);
    }

    synchronized int idleCount() {
        return idleCount;
    }

    private void evictBeyond(int max) {
        Iterator<Map.Entry<Key, Deque<PluginInstance>>> leastRecentFirst = idle.entrySet().iterator();
        while (idleCount > max && leastRecentFirst.hasNext()) {
            idleCount -= leastRecentFirst.next().getValue().size();
            leastRecentFirst.remove();
        }
    }
}
