package org.hackablemail.plugin.host;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

import org.hackablemail.plugin.PluginDigest;

/**
 * Runs email plugins (Extism ABI) in a sandbox on Chicory. Thread-safe: one host serves every owner.
 *
 * <pre>{@code
 * PluginHost host = new PluginHost(SandboxLimits.defaults(), HostCapacity.defaults(), new InMemoryVarStore(),
 *     store::read);
 * PluginDigest digest = host.install(wasm);              // at upload: validates and compiles, or refuses
 * Outcome outcome = host.onEmail(digest, new EmailCall(owner, EmailJson.toJson(email), config, replyAllowed));
 * }</pre>
 *
 * <p>A call never throws because of the plugin: whatever it does is in the {@link Outcome}. Each call gets a warm
 * instance of the owner's plugin, or a new one, which is discarded after any failure.
 */
public final class PluginHost implements AutoCloseable {
    private final SandboxLimits limits;
    private final PluginSource source;
    private final PluginLinker linker;
    private final ExecutorService compileThreads;
    private final CodeCache code;
    private final InstancePool instances;
    private final CallRunner runner;
    private final VarStore vars;
    private final AtomicLong simulations = new AtomicLong();

    public PluginHost(SandboxLimits limits, HostCapacity capacity, VarStore vars, PluginSource source) {
        this.limits = limits;
        this.source = source;
        this.vars = vars;
        this.linker = new PluginLinker(ExtismKernel.load(), limits, vars);
        this.compileThreads = Executors.newFixedThreadPool(compilerThreadCount(), daemonThreads("compiler"));
        this.code = new CodeCache(capacity.compiledPlugins(),
            new PluginCompiler(new ModuleValidator(linker.hostInterface(), limits)), compileThreads,
            limits.compileTimeout());
        this.instances = new InstancePool(capacity.idleInstancesPerPlugin(), capacity.idleMemoryBytes());
        this.runner = new CallRunner(capacity.maxConcurrentCalls(), limits.workerStackBytes());
    }

    /**
     * Validates and compiles a plugin, keeping the compiled code for the calls to come.
     *
     * @return the digest by which calls name the plugin
     * @throws PluginRejectedException with the reason, fit to show to the plugin's author
     */
    public PluginDigest install(byte[] wasm) throws PluginRejectedException {
        return code.install(wasm).digest();
    }

    /** Runs the plugin's {@code onEmail} for one message and one owner. */
    public Outcome onEmail(PluginDigest plugin, EmailCall call) {
        InstancePool.Key key = new InstancePool.Key(call.owner(), plugin);
        return run(plugin, call, limits.callTimeout(),
            compiled -> instances.take(key).orElseGet(() -> linker.instantiate(compiled)),
            instance -> instances.offer(key, instance));
    }

    /**
     * Runs one call as a rehearsal: on a new instance, discarded after it, under an owner name of its own whose
     * variables start empty and are forgotten afterwards. Nothing the owner's real calls keep is read or changed.
     */
    public Outcome simulate(PluginDigest plugin, EmailCall call) {
        String rehearsal = "simulation-" + simulations.incrementAndGet() + ":" + call.owner();
        try {
            return run(plugin, call.forOwner(rehearsal), limits.simulationTimeout(), linker::instantiate, instance -> {
            });
        } finally {
            vars.removeAll(rehearsal);
        }
    }

    private Outcome run(PluginDigest plugin, EmailCall call, Duration timeout,
                        Function<CompiledPlugin, PluginInstance> instanceFor, Consumer<PluginInstance> afterSuccess) {
        CallEffects effects = new CallEffects(limits.maxLogBytes());
        if (call.input().length > limits.maxInputBytes()) {
            return Outcome.failed(new PluginFailure(PluginFailure.Reason.INPUT_TOO_LARGE, "the input is "
                + call.input().length + " bytes, the limit is " + limits.maxInputBytes()), effects);
        }
        CompiledPlugin compiled;
        try {
            compiled = code.get(plugin, source);
        } catch (PluginRejectedException e) {
            return Outcome.failed(new PluginFailure(PluginFailure.Reason.INVALID_PLUGIN, e.getMessage()), effects);
        }
        ActiveCall active = new ActiveCall(call, effects);
        try {
            return Outcome.returned(runner.run(() -> callOnWorker(instanceFor.apply(compiled), active, afterSuccess),
                    timeout),
                effects);
        } catch (ExecutionException e) {
            return Outcome.failed(Failures.of(e.getCause()), effects);
        } catch (TimeoutException e) {
            effects.seal();
            return Outcome.failed(new PluginFailure(PluginFailure.Reason.TIMEOUT,
                "no result within " + timeout.toMillis() + " ms"), effects);
        } catch (RejectedExecutionException e) {
            return Outcome.failed(new PluginFailure(PluginFailure.Reason.HOST_BUSY,
                "all plugin workers are busy"), effects);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            effects.seal();
            return Outcome.failed(new PluginFailure(PluginFailure.Reason.HOST_ERROR,
                "the caller was interrupted"), effects);
        }
    }

    /** A failed instance is not offered back to the pool: {@code afterSuccess} only sees healthy ones. */
    private static int callOnWorker(PluginInstance instance, ActiveCall call, Consumer<PluginInstance> afterSuccess) {
        int resultCode = instance.call(call);
        afterSuccess.accept(instance);
        return resultCode;
    }

    @Override
    public void close() {
        runner.close();
        compileThreads.shutdownNow();
    }

    private static int compilerThreadCount() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }

    private static ThreadFactory daemonThreads(String role) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "hackablemail-plugin-" + role + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
