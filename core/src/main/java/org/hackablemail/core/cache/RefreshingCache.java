package org.hackablemail.core.cache;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.hackablemail.core.store.StorageUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Values loaded from a store, per key, kept fresh within a bound and served while the store is down.
 * <ul>
 *   <li>A key read for the first time is loaded at once; a load that fails throws (nothing to serve instead).</li>
 *   <li>An entry older than the policy's interval is reloaded in the background; meanwhile, and when the reload
 *       fails, the cached value is served. A failed reload is tried again one interval later.</li>
 *   <li>{@link #invalidate} drops an entry at once, for changes made on this node; a load that was under way then
 *       does not put its (perhaps older) value back.</li>
 *   <li>At most {@code maxEntries} are kept, the least recently read dropped first.</li>
 * </ul>
 */
public final class RefreshingCache<K, V> {
    private static final Logger LOGGER = LoggerFactory.getLogger(RefreshingCache.class);

    private final String name;
    private final RefreshPolicy policy;
    private final Function<K, V> loader;
    /** Guarded by itself; least recently read first. */
    private final LinkedHashMap<K, Entry<V>> entries;
    /** Counts invalidations, so that a load started before one does not store what it read. */
    private final AtomicLong invalidations = new AtomicLong();

    private static final class Entry<V> {
        final V value;
        final long generation;
        volatile long checkedAt;
        final AtomicBoolean reloading = new AtomicBoolean();

        Entry(V value, long generation, long checkedAt) {
            this.value = value;
            this.generation = generation;
            this.checkedAt = checkedAt;
        }
    }

    /**
     * @param name   what is cached, for the logs
     * @param loader reads a key's value from the store; throws {@link StorageUnavailableException} when it cannot
     */
    public RefreshingCache(String name, RefreshPolicy policy, int maxEntries, Function<K, V> loader) {
        this.name = name;
        this.policy = policy;
        this.loader = loader;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
                return size() > maxEntries;
            }
        };
    }

    /**
     * @throws StorageUnavailableException when the key is not cached and cannot be loaded
     */
    public V get(K key) {
        Entry<V> entry;
        synchronized (entries) {
            entry = entries.get(key);
        }
        if (entry == null) {
            return load(key);
        }
        long now = policy.clock().millis();
        if (now - entry.checkedAt >= policy.interval().toMillis() && entry.reloading.compareAndSet(false, true)) {
            reloadLater(key, entry);
        }
        return entry.value;
    }

    /** Forgets the key's value: the next read loads it again. */
    public void invalidate(K key) {
        invalidations.incrementAndGet();
        synchronized (entries) {
            entries.remove(key);
        }
    }

    /** Forgets every value. */
    public void invalidateAll() {
        invalidations.incrementAndGet();
        synchronized (entries) {
            entries.clear();
        }
    }

    private V load(K key) {
        long generation = invalidations.get();
        V value = loader.apply(key);
        store(key, new Entry<>(value, generation, policy.clock().millis()), null);
        return value;
    }

    private void reloadLater(K key, Entry<V> stale) {
        try {
            policy.reloads().execute(() -> reload(key, stale));
        } catch (RejectedExecutionException e) {
            stale.reloading.set(false);
        }
    }

    private void reload(K key, Entry<V> stale) {
        long generation = invalidations.get();
        try {
            if (!store(key, new Entry<>(loader.apply(key), generation, policy.clock().millis()), stale)) {
                stale.reloading.set(false);
            }
        } catch (RuntimeException e) {
            LOGGER.warn("Cannot refresh the {} of {}; serving the value read {} ms ago", name, key,
                policy.clock().millis() - stale.checkedAt, e);
            stale.checkedAt = policy.clock().millis();
            stale.reloading.set(false);
        }
    }

    /** Stores the entry unless the key was invalidated since it was read, or (for a reload) replaced meanwhile. */
    private boolean store(K key, Entry<V> loaded, Entry<V> replacing) {
        synchronized (entries) {
            if (invalidations.get() != loaded.generation || replacing != null && entries.get(key) != replacing) {
                return false;
            }
            entries.put(key, loaded);
            return true;
        }
    }
}
