package org.hackablemail.plugin.host;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.hackablemail.plugin.PluginDigest;

/**
 * Compiled plugins in memory by digest, weighed in bytes: beyond the capacity, the least recently used go. A miss
 * loads the plugin from the disk cache, if there is one, once even when many calls need it at the same moment.
 * Nothing is ever compiled here.
 */
final class CodeCache {
    private static final System.Logger LOGGER = System.getLogger(CodeCache.class.getName());

    private final long maxBytes;
    private final CodeLoader loader;
    private final Optional<DiskCodeCache> disk;
    private final LinkedHashMap<PluginDigest, CompiledPlugin> plugins = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<PluginDigest, CompletableFuture<Optional<CompiledPlugin>>> loading = new HashMap<>();
    private long bytes;

    CodeCache(long maxBytes, CodeLoader loader, Optional<DiskCodeCache> disk) {
        this.maxBytes = maxBytes;
        this.loader = loader;
        this.disk = disk;
    }

    /** The plugin, from memory or else from disk; empty when it is in neither (it must be compiled again). */
    Optional<CompiledPlugin> get(PluginDigest digest) {
        CompletableFuture<Optional<CompiledPlugin>> load;
        boolean loadsIt = false;
        synchronized (this) {
            CompiledPlugin cached = plugins.get(digest);
            if (cached != null) {
                return Optional.of(cached);
            }
            load = loading.get(digest);
            if (load == null) {
                load = new CompletableFuture<>();
                loading.put(digest, load);
                loadsIt = true;
            }
        }
        if (loadsIt) {
            load.complete(loadFromDisk(digest));
        }
        return load.join();
    }

    /**
     * Whether the plugin needs no compiling: it is on disk when it must persist (and there is a disk), else in memory
     * or on disk.
     */
    boolean holds(PluginDigest digest, boolean persist) {
        if (persist && disk.isPresent()) {
            return disk.get().contains(digest);
        }
        return get(digest).isPresent();
    }

    /** Loads freshly compiled code, keeps it in memory and, when asked, on disk. */
    CompiledPlugin put(CompiledCode code, boolean persist) {
        CompiledPlugin plugin = loader.load(code);
        if (persist) {
            disk.ifPresent(cache -> cache.write(code));
        }
        keep(plugin);
        return plugin;
    }

    synchronized long bytes() {
        return bytes;
    }

    /** Damaged or unloadable code reads as missing: it is compiled again. */
    private Optional<CompiledPlugin> loadFromDisk(PluginDigest digest) {
        try {
            Optional<CompiledPlugin> loaded = disk.flatMap(cache -> cache.read(digest)).map(loader::load);
            loaded.ifPresent(this::keep);
            return loaded;
        } catch (RuntimeException | LinkageError e) {
            LOGGER.log(System.Logger.Level.WARNING, "Compiled code of " + digest + " cannot be loaded; it will be"
                + " compiled again", e);
            return Optional.empty();
        } finally {
            synchronized (this) {
                loading.remove(digest);
            }
        }
    }

    private synchronized void keep(CompiledPlugin plugin) {
        if (plugin.weightBytes() > maxBytes) {
            return;
        }
        CompiledPlugin previous = plugins.put(plugin.digest(), plugin);
        bytes += plugin.weightBytes() - (previous == null ? 0 : previous.weightBytes());
        var leastRecentFirst = plugins.values().iterator();
        while (bytes > maxBytes && leastRecentFirst.hasNext()) {
            CompiledPlugin evicted = leastRecentFirst.next();
            if (evicted != plugin) {
                bytes -= evicted.weightBytes();
                leastRecentFirst.remove();
            }
        }
    }
}
