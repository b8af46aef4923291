package org.hackablemail.plugin.host;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.hackablemail.plugin.PluginDigest;

/**
 * Compiled plugins by digest, the least recently used evicted beyond a capacity. A module is compiled once even
 * when many calls need it at the same moment; compilation runs on its own threads and callers wait for it at
 * most the compile timeout.
 */
final class CodeCache {
    private final PluginCompiler compiler;
    private final ExecutorService compileThreads;
    private final Duration compileTimeout;
    private final Map<PluginDigest, CompletableFuture<CompiledPlugin>> compiled;

    CodeCache(int capacity, PluginCompiler compiler, ExecutorService compileThreads, Duration compileTimeout) {
        this.compiler = compiler;
        this.compileThreads = compileThreads;
        this.compileTimeout = compileTimeout;
        this.compiled = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<PluginDigest, CompletableFuture<CompiledPlugin>> eldest) {
                return size() > capacity;
            }
        };
    }

    CompiledPlugin install(byte[] wasm) throws PluginRejectedException {
        return get(PluginDigest.of(wasm), digest -> Optional.of(wasm));
    }

    CompiledPlugin get(PluginDigest digest, PluginSource source) throws PluginRejectedException {
        CompletableFuture<CompiledPlugin> compilation = compilation(digest, source);
        try {
            return compilation.get(compileTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            forget(digest, compilation);
            throw new PluginRejectedException("Compiling " + digest + " took longer than " + compileTimeout);
        } catch (ExecutionException e) {
            forget(digest, compilation);
            if (e.getCause() instanceof PluginRejectedException) {
                throw (PluginRejectedException) e.getCause();
            }
            throw new PluginRejectedException("Compiling " + digest + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PluginRejectedException("Interrupted while waiting for " + digest + " to compile", e);
        }
    }

    private synchronized CompletableFuture<CompiledPlugin> compilation(PluginDigest digest, PluginSource source) {
        return compiled.computeIfAbsent(digest, missing ->
            CompletableFuture.supplyAsync(() -> compile(digest, source), compileThreads));
    }

    /** A failed compilation is not cached: the next call tries again. */
    private synchronized void forget(PluginDigest digest, CompletableFuture<CompiledPlugin> compilation) {
        compiled.remove(digest, compilation);
        compilation.cancel(true);
    }

    private CompiledPlugin compile(PluginDigest digest, PluginSource source) {
        try {
            byte[] wasm = source.load(digest)
                .orElseThrow(() -> new PluginRejectedException("No plugin " + digest + " in the store"));
            if (!PluginDigest.of(wasm).equals(digest)) {
                throw new PluginRejectedException("The store returned other bytes than " + digest);
            }
            return compiler.compile(wasm);
        } catch (PluginRejectedException e) {
            throw new CompletionException(e);
        }
    }
}
