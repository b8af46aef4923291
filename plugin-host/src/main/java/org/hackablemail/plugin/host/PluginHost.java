package org.hackablemail.plugin.host;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

import org.hackablemail.plugin.PluginDigest;

/**
 * Runs email plugins (Extism ABI) on Chicory, in this JVM. Thread-safe: one host serves every owner. It runs inside
 * the sandbox worker processes, and in the command-line tool; James never runs it itself.
 *
 * <pre>{@code
 * PluginHost host = new PluginHost(SandboxLimits.defaults(), HostCapacity.defaults());
 * PluginDigest digest = host.install(wasm);              // validates and compiles, or refuses
 * Outcome outcome = host.onEmail(digest, new EmailCall(owner, EmailJson.toJson(email), config, replyAllowed),
 *     variables);
 * }</pre>
 *
 * <p>A call never throws because of the plugin: whatever it does is in the {@link Outcome}. Each call gets a warm
 * instance of the owner's plugin, or a new one, which is discarded after any failure. A call's timeout interrupts
 * the plugin, which Chicory notices at its next loop or call: straight-line code runs on past it, which is why the
 * host runs in worker processes that can be killed.
 */
public final class PluginHost implements PluginSandbox {
    private static final Runnable NOTHING = () -> {
    };

    private final SandboxLimits limits;
    private final PluginLinker linker;
    private final ModuleValidator validator;
    private final PluginCompiler compiler;
    private final ExecutorService compileThreads;
    private final CodeCache code;
    private final InstancePool instances;
    private final CallRunner runner;
    private final AtomicLong simulations = new AtomicLong();

    /** How long a timed-out call may ignore its interruption before an in-process host reports it anyway. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(1);

    /** A host whose compiled code lives in memory only. */
    public PluginHost(SandboxLimits limits, HostCapacity capacity) {
        this(limits, capacity, Optional.empty(), pooled(limits, capacity));
    }

    /**
     * The host of a sandbox worker: calls run on the caller's thread (which must have a stack of
     * {@link SandboxLimits#workerStackBytes()}), and a timed-out call that does not stop (straight-line code, which
     * Chicory never checks for interruption) is waited for, not reported: the client kills the process past the grace.
     */
    public static PluginHost forWorker(SandboxLimits limits, HostCapacity capacity, DiskCodeCache disk) {
        return new PluginHost(limits, capacity, Optional.of(disk), new InlineCallRunner());
    }

    private static CallRunner pooled(SandboxLimits limits, HostCapacity capacity) {
        return new PooledCallRunner(capacity.maxConcurrentCalls(), limits.workerStackBytes(), STOP_GRACE);
    }

    private PluginHost(SandboxLimits limits, HostCapacity capacity, Optional<DiskCodeCache> disk, CallRunner runner) {
        this.limits = limits;
        this.code = new CodeCache(capacity.compiledCodeBytes(), new CodeLoader(), disk);
        this.linker = new PluginLinker(ExtismKernel.load(code), limits);
        this.validator = new ModuleValidator(linker.hostInterface(), limits);
        this.compiler = new PluginCompiler(validator);
        this.compileThreads = Executors.newCachedThreadPool(daemonThreads("compiler"));
        this.instances = new InstancePool(capacity.idleInstancesPerPlugin(), capacity.idleMemoryBytes());
        this.runner = runner;
    }

    /** Validates and compiles a plugin, keeping its compiled code (on disk too, if the host has a disk cache). */
    public PluginDigest install(byte[] wasm) throws PluginRejectedException {
        return install(wasm, true);
    }

    /** The in-process host has no shares: {@code owner} is not used. */
    @Override
    public PluginDigest install(String owner, byte[] wasm, boolean persist) throws PluginRejectedException {
        return install(wasm, persist);
    }

    /**
     * Validates and compiles a plugin, unless its compiled code is at hand already (then only the limits, which may
     * have changed since, are checked again). A compilation over the compile timeout refuses the module with a
     * {@link CompileOverrunException}: its thread cannot be stopped and runs on.
     */
    public PluginDigest install(byte[] wasm, boolean persist) throws PluginRejectedException {
        PluginDigest digest = PluginDigest.of(wasm);
        if (code.holds(digest, persist)) {
            validator.checkLimits(wasm);
            return digest;
        }
        code.put(compileWithin(limits.compileTimeout(), wasm), persist);
        return digest;
    }

    @Override
    public Outcome onEmail(PluginDigest plugin, EmailCall call, VariableReader variables) {
        return onEmail(plugin, call, variables, NOTHING);
    }

    /**
     * Runs the plugin's {@code onEmail} for one message and one owner.
     *
     * @param started run on the plugin's thread as the plugin's run starts: its timeout counts from there
     */
    public Outcome onEmail(PluginDigest plugin, EmailCall call, VariableReader variables, Runnable started) {
        InstancePool.Key key = new InstancePool.Key(call.owner(), plugin);
        return run(plugin, call, variables, limits.callTimeout(), started,
            compiled -> instances.take(key).orElseGet(() -> linker.instantiate(compiled)),
            instance -> instances.offer(key, instance));
    }

    @Override
    public SimulatedCall simulate(PluginDigest plugin, EmailCall call) {
        return simulate(plugin, call, NOTHING);
    }

    /**
     * A rehearsal (see {@link PluginSandbox#simulate}): a warm-up call on a new instance, then the measured call on
     * that instance. {@code started} runs as the warm-up starts: a sandbox minding the rehearsal's deadline gives it
     * both calls' time. The measured call's time runs from its start on the plugin's thread to its result.
     */
    public SimulatedCall simulate(PluginDigest plugin, EmailCall call, Runnable started) {
        EmailCall rehearsed = call.forOwner("simulation-" + simulations.incrementAndGet() + ":" + call.owner());
        PluginInstance[] fresh = new PluginInstance[1];
        long warmUpStart = System.nanoTime();
        Outcome warmUp = run(plugin, rehearsed, VariableReader.NONE, limits.simulationTimeout(), started,
            compiled -> fresh[0] = linker.instantiate(compiled), instance -> {
            });
        if (!warmUp.succeeded()) {
            return new SimulatedCall(warmUp, Duration.ofNanos(System.nanoTime() - warmUpStart));
        }
        long[] measuredStart = new long[1];
        Outcome measured = run(plugin, rehearsed, VariableReader.NONE, limits.simulationTimeout(),
            () -> measuredStart[0] = System.nanoTime(), compiled -> fresh[0], instance -> {
            });
        return new SimulatedCall(measured,
            measuredStart[0] == 0 ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - measuredStart[0]));
    }

    /** The host's own plugin ({@link HostWarmUp}): compiled without a time limit, which is for owners' modules. */
    PluginDigest installBuiltIn(byte[] wasm) throws PluginRejectedException {
        PluginDigest digest = PluginDigest.of(wasm);
        if (!code.holds(digest, true)) {
            code.put(compiler.compile(wasm), true);
        }
        return digest;
    }

    private CompiledCode compileWithin(Duration timeout, byte[] wasm) throws PluginRejectedException {
        Future<CompiledCode> compilation = compileThreads.submit(() -> compiler.compile(wasm));
        try {
            return compilation.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            compilation.cancel(true);
            throw new CompileOverrunException("Compiling the module took longer than " + timeout.toMillis()
                + " ms, the limit");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof PluginRejectedException rejected) {
                throw rejected;
            }
            throw new PluginRejectedException("Compiling the module failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            compilation.cancel(true);
            Thread.currentThread().interrupt();
            throw new PluginRejectedException("Interrupted while compiling the module", e);
        }
    }

    private Outcome run(PluginDigest plugin, EmailCall call, VariableReader variables, Duration timeout,
                        Runnable started, Function<CompiledPlugin, PluginInstance> instanceFor,
                        Consumer<PluginInstance> afterSuccess) {
        if (call.input().length > limits.maxInputBytes()) {
            return Outcome.failed(new PluginFailure(PluginFailure.Reason.INPUT_TOO_LARGE, "the input is "
                + call.input().length + " bytes, the limit is " + limits.maxInputBytes()));
        }
        Optional<CompiledPlugin> compiled = code.get(plugin);
        if (compiled.isEmpty()) {
            return Outcome.failed(new PluginFailure(PluginFailure.Reason.NOT_COMPILED,
                "no compiled code for " + plugin));
        }
        CallEffects effects = new CallEffects(limits.maxLogBytes());
        CallVariables callVariables = new CallVariables(variables, limits.maxVarBytes(), limits.maxVarWriteBytes());
        ActiveCall active = new ActiveCall(call, effects, callVariables);
        CpuClock cpu = new CpuClock();
        try {
            int resultCode = runner.run(() -> {
                cpu.start();
                try {
                    started.run();
                    return callOnWorker(instanceFor.apply(compiled.get()), active, afterSuccess);
                } finally {
                    cpu.stop();
                }
            }, timeout);
            return Outcome.returned(resultCode, effectsOf(effects, callVariables), effects.logs(), cpu.spent());
        } catch (ExecutionException e) {
            return Outcome.failed(Failures.of(e.getCause()), effects.logs(), cpu.spent());
        } catch (TimeoutException e) {
            effects.seal();
            return Outcome.failed(new PluginFailure(PluginFailure.Reason.TIMEOUT,
                "no result within " + timeout.toMillis() + " ms"), effects.logs(), cpu.spent());
        } catch (RejectedExecutionException e) {
            return Outcome.failed(new PluginFailure(PluginFailure.Reason.HOST_BUSY, "all plugin threads are busy"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            effects.seal();
            return Outcome.failed(new PluginFailure(PluginFailure.Reason.HOST_ERROR, "the caller was interrupted"),
                effects.logs(), cpu.spent());
        }
    }

    private static Outcome.Effects effectsOf(CallEffects effects, CallVariables variables) {
        Optional<CallEffects.Delivery> delivery = effects.delivery();
        return new Outcome.Effects(delivery.map(CallEffects.Delivery::email), delivery.map(CallEffects.Delivery::json),
            effects.reply(), variables.writes());
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

    private static ThreadFactory daemonThreads(String role) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "hackablemail-plugin-" + role + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
