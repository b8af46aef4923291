package org.hackablemail.plugin.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import org.hackablemail.plugin.PluginDigest;
import org.hackablemail.plugin.host.CompileOverrunException;
import org.hackablemail.plugin.host.EmailCall;
import org.hackablemail.plugin.host.Outcome;
import org.hackablemail.plugin.host.PluginFailure;
import org.hackablemail.plugin.host.PluginRejectedException;
import org.hackablemail.plugin.host.PluginSandbox;
import org.hackablemail.plugin.host.SimulatedCall;
import org.hackablemail.plugin.host.PluginSource;
import org.hackablemail.plugin.host.SandboxBusyException;
import org.hackablemail.plugin.host.VariableReader;
import org.hackablemail.plugin.sandbox.protocol.Frame;
import org.hackablemail.plugin.sandbox.protocol.FrameType;
import org.hackablemail.plugin.sandbox.protocol.Payloads;
import org.hackablemail.plugin.sandbox.protocol.ProtocolException;
import org.hackablemail.plugin.sandbox.protocol.WorkerConfig;

/**
 * The sandbox as James sees it: plugins are compiled and run in worker processes (separate JVMs started from the
 * bundle's own jar), never in the caller's JVM. Thread-safe; one client serves every owner.
 *
 * <ul>
 * <li><b>Mail</b> runs on {@code mailWorkers} workers, each owner always on the same one (by a hash of the address), so
 * that its warm instances stay warm. Places on a worker go to the owners in turn; an owner has at most
 * {@code callsPerOwner} calls running, and a share of CPU time, beyond which its calls are deferred.</li>
 * <li><b>Killing is the hard wall.</b> A call's timeout counts from the moment its worker starts the plugin's run. A
 * call still running {@code killGrace} after its timeout (straight-line code that never checks for interruption) gets
 * its worker killed; so does a worker that crashes or runs out of memory. The calls that were running on it are run
 * again, each alone on the <b>isolation</b> worker; only a call that fails alone is charged to its plugin
 * ({@link PluginFailure.Reason#KILLED}), and its owner's calls run alone for a while after. A dead worker is replaced by
 * a spare started in advance.</li>
 * <li><b>Compilations, simulations and tests</b> run on the <b>guest</b> worker, which serves no mail, one at a time,
 * owners in turn, within each owner's hourly allowance. A compilation over its budget ends its worker.</li>
 * <li><b>Effects, not side effects</b>: a call's variables are read through the caller's {@link VariableReader} as the
 * plugin asks for them; everything else comes back in the {@link Outcome}. A call run again leaves nothing of its
 * first run behind.</li>
 * <li>Compiled code is kept on disk, shared by the workers: neither a restart nor a new worker compiles again. A call
 * whose plugin is not compiled (its code was evicted) is deferred while the guest worker compiles it from the
 * {@link PluginSource}.</li>
 * </ul>
 */
public final class SandboxClient implements PluginSandbox {
    /** A request whose worker died before starting it is sent again, on the lane's next worker, this many times. */
    private static final int MAX_TRIES_UNSTARTED = 3;
    /** A plugin whose code could not be compiled again is not tried again for this long: its calls are deferred. */
    private static final Duration RECOMPILE_BACKOFF = Duration.ofMinutes(1);

    private final SandboxSettings settings;
    private final PluginSource source;
    private final Consumer<String> log;
    private final ExecutorService starts;
    private final ExecutorService recompiles;
    private final WorkerSupply supply;
    private final List<Lane> mailLanes = new ArrayList<>();
    private final Lane isolation;
    private final Lane guest;
    private final TimeBudgets cpuShares;
    private final TimeBudgets guestAllowance;
    private final Quarantine quarantine;
    private final Map<PluginDigest, CompletableFuture<Boolean>> compiling = new ConcurrentHashMap<>();
    /** Digests (hex) whose last compilation from the store failed, within {@link #RECOMPILE_BACKOFF}. */
    private final Quarantine failedRecompiles = new Quarantine(RECOMPILE_BACKOFF, System::nanoTime);
    private final Watchdog watchdog;
    private final LongAdder calls = new LongAdder();
    private final LongAdder callsWithoutCode = new LongAdder();

    /**
     * Starts the workers (in the background: calls wait for them within {@code queueWait}).
     *
     * @param source where the modules of stored plugins are read from, to compile those whose code is missing
     * @param log where the workers' standard error and the client's own events go, line by line
     */
    public SandboxClient(SandboxSettings settings, PluginSource source, Consumer<String> log) {
        this(settings, WorkerCommand.of(settings.workerHeapBytes(), settings.workerMetaspaceBytes()), source, log);
    }

    /** @param workerCommand the command line of a worker process (tests start workers that break the protocol) */
    SandboxClient(SandboxSettings settings, List<String> workerCommand, PluginSource source, Consumer<String> log) {
        this.settings = settings;
        this.source = source;
        this.log = log;
        this.starts = Executors.newCachedThreadPool(daemonThreads("worker-start"));
        this.recompiles = Executors.newSingleThreadExecutor(daemonThreads("recompile"));
        WorkerConfig config = new WorkerConfig(settings.limits(), settings.workerCapacity(), settings.codeDirectory(),
            settings.diskCodeBytes());
        this.supply = new WorkerSupply(workerCommand, config, settings.startTimeout(), settings.spareWorkers(), starts, log);
        for (int i = 1; i <= settings.mailWorkers(); i++) {
            mailLanes.add(new Lane("mail-" + i, settings.callsPerWorker(), settings.callsPerOwner(), supply, starts, log));
        }
        this.isolation = new Lane("isolation", 1, 1, supply, starts, log);
        this.guest = new Lane("guest", 1, 1, supply, starts, log);
        this.cpuShares = new TimeBudgets(settings.ownerCpuPerMinute(), Duration.ofMinutes(1), System::nanoTime);
        this.guestAllowance = new TimeBudgets(settings.guestTimePerHour(), Duration.ofHours(1), System::nanoTime);
        this.quarantine = new Quarantine(settings.quarantine(), System::nanoTime);
        this.watchdog = new Watchdog(this::lanes, settings.killGrace(), log);
        // The isolation worker starts when first needed (a spare, then); the spares once the others are up, so that
        // the workers needed first do not share the machine with them while they start.
        servingLanes().forEach(Lane::start);
        starts.execute(() -> {
            try {
                awaitReady(settings.startTimeout());
            } catch (InterruptedException e) {
                return;
            }
            supply.fill();
        });
        watchdog.start();
    }

    /** Waits until the mail and guest workers are up; false when one was not within {@code maxWait}. */
    public boolean awaitReady(Duration maxWait) throws InterruptedException {
        long deadline = System.nanoTime() + maxWait.toNanos();
        for (Lane lane : servingLanes()) {
            if (!lane.awaitWorker(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public PluginDigest install(String owner, byte[] wasm, boolean persist) throws PluginRejectedException {
        if (!guestAllowance.admits(owner)) {
            throw new SandboxBusyException("The pushes and tests of " + owner + " used their hour's allowance of "
                + settings.guestTimePerHour().toSeconds() + " s of sandbox time; try again in "
                + minutes(guestAllowance.untilAdmitted(owner)));
        }
        byte[] request = Payloads.installRequest(new Payloads.InstallRequest(wasm, persist));
        PluginDigest digest = installed(chargedToGuest(owner, () -> onGuest(owner, FrameType.INSTALL, request,
            settings.limits().compileTimeout())));
        failedRecompiles.remove(digest.hex());
        return digest;
    }

    @Override
    public Outcome onEmail(PluginDigest plugin, EmailCall call, VariableReader variables) {
        String owner = call.owner();
        if (!cpuShares.admits(owner)) {
            return Outcome.failed(new PluginFailure(PluginFailure.Reason.OVER_BUDGET, "the owner's plugins used their"
                + " share of CPU time; more within " + cpuShares.untilAdmitted(owner).toMillis() + " ms"));
        }
        byte[] request = Payloads.callRequest(new Payloads.CallRequest(plugin, call));
        Outcome outcome = run(owner, request, variables);
        calls.increment();
        if (notCompiled(outcome)) {
            callsWithoutCode.increment();
            // Code missing on this node (a plugin pushed through another node, or evicted): compiled once in the
            // background; the call waits for it within queueWait and runs again, else it is deferred (host-caused).
            if (compiled(owner, plugin, settings.queueWait())) {
                outcome = run(owner, request, variables);
            }
        }
        return outcome;
    }

    /** One call on the owner's lane, run again alone when its worker died under it. */
    private Outcome run(String owner, byte[] request, VariableReader variables) {
        Lane lane = quarantine.contains(owner) ? isolation : mailLane(owner);
        Attempt attempt = attempt(lane, owner, FrameType.CALL, request, settings.limits().callTimeout(), variables);
        boolean alone = lane == isolation;
        if (!alone && attempt.rerunAlone()) {
            attempt = attempt(isolation, owner, FrameType.CALL, request, settings.limits().callTimeout(), variables);
            alone = true;
        }
        Outcome outcome = callOutcome(owner, attempt, alone, settings.limits().callTimeout());
        cpuShares.charge(owner, outcome.cpuTime());
        return outcome;
    }

    private static boolean notCompiled(Outcome outcome) {
        return outcome.failure().map(PluginFailure::reason).filter(PluginFailure.Reason.NOT_COMPILED::equals).isPresent();
    }

    /** Whether the plugin's code got compiled within {@code maxWait}; starts the compilation when none runs. */
    private boolean compiled(String owner, PluginDigest plugin, Duration maxWait) {
        try {
            return compileInBackground(owner, plugin).get(maxWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A warm-up call and the measured one, in a worker that serves no mail: each may take the simulation timeout. */
    @Override
    public SimulatedCall simulate(PluginDigest plugin, EmailCall call) {
        String owner = call.owner();
        byte[] request = Payloads.callRequest(new Payloads.CallRequest(plugin, call));
        Duration timeout = settings.limits().simulationTimeout().multipliedBy(2);
        Attempt attempt = chargedToGuest(owner, () -> onGuest(owner, FrameType.SIMULATE, request, timeout));
        if (attempt instanceof Answered answered && answered.frame().type() == FrameType.SIMULATED) {
            try {
                return Payloads.simulated(answered.frame().payload());
            } catch (ProtocolException e) {
                return new SimulatedCall(hostError(e.getMessage()), Duration.ZERO);
            }
        }
        return new SimulatedCall(callOutcome(owner, attempt, true, timeout), Duration.ZERO);
    }

    /** The workers running now, for status pages and tests. */
    public List<WorkerStatus> workers() {
        List<WorkerStatus> workers = new ArrayList<>();
        for (Lane lane : lanes()) {
            lane.worker().ifPresent(worker ->
                workers.add(new WorkerStatus(lane.name(), worker.pid(), worker.residentBytes())));
        }
        return workers;
    }

    /** Worker processes started so far, spares and replacements included. */
    public int workersStarted() {
        return supply.started();
    }

    /** What the sandbox did since it started, all owners together: for metrics. */
    public Stats stats() {
        return new Stats(lanes().stream().mapToInt(Lane::waiting).sum(), watchdog.kills(), supply.started(),
            calls.sum(), callsWithoutCode.sum());
    }

    /**
     * Figures of the sandbox since it started.
     *
     * @param callsWaiting     requests waiting for a place on a worker now (the queue depth)
     * @param workersKilled    workers killed by the watchdog (a request past its timeout and grace, or never started)
     * @param workersStarted   worker processes started, spares and replacements included
     * @param mailCalls        plugin calls on mail
     * @param callsWithoutCode mail calls whose plugin's compiled code no worker had (deferred while it compiles): the
     *                         code cache's misses; the other calls were its hits
     */
    public record Stats(int callsWaiting, long workersKilled, long workersStarted, long mailCalls,
                        long callsWithoutCode) {
    }

    /** The lane an owner's mail runs on, by name ({@code mail-1}...). */
    public String mailLaneOf(String owner) {
        return mailLane(owner).name();
    }

    /**
     * A worker process.
     *
     * @param lane {@code mail-1}..., {@code isolation} or {@code guest}
     */
    public record WorkerStatus(String lane, long pid, Optional<Long> residentBytes) {
    }

    @Override
    public void close() {
        watchdog.close();
        lanes().forEach(Lane::close);
        supply.close();
        recompiles.shutdownNow();
        starts.shutdownNow();
    }

    /** What became of one request on one lane. */
    private sealed interface Attempt {
        /** Whether it should be tried again alone: its worker died under it, or was killed for it with others on it. */
        default boolean rerunAlone() {
            return false;
        }
    }

    private record Answered(Frame frame) implements Attempt {
    }

    private record NoPlace(String lane) implements Attempt {
    }

    /** It ran past its timeout and grace: its worker was killed. */
    private record Overran(boolean alone, String reason) implements Attempt {
        @Override
        public boolean rerunAlone() {
            return !alone;
        }
    }

    /**
     * Its worker died under it, for another reason than its own overrun.
     *
     * @param started whether the worker had started it: if not, it never ran and is simply tried again
     */
    private record Lost(Death death, boolean started) implements Attempt {
        @Override
        public boolean rerunAlone() {
            return true;
        }
    }

    private Attempt attempt(Lane lane, String owner, FrameType type, byte[] payload, Duration timeout,
                            VariableReader variables) {
        try {
            for (int tries = 1; ; tries++) {
                Optional<Lane.Slot> slot = lane.acquire(owner, settings.queueWait());
                if (slot.isEmpty()) {
                    return new NoPlace(lane.name());
                }
                Attempt attempt;
                try (Lane.Slot held = slot.get();
                     Exchange exchange = held.worker().open(type, payload, timeout.plus(settings.killGrace()))) {
                    attempt = follow(exchange, variables);
                }
                if (!(attempt instanceof Lost lost) || lost.started() || tries == MAX_TRIES_UNSTARTED) {
                    return attempt;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new NoPlace(lane.name());
        }
    }

    /**
     * Answers the worker's variable reads until the request ends; the {@link Watchdog} minds its deadline. A worker
     * that breaks the protocol is killed: the request was lost with it, like any other death.
     */
    private static Attempt follow(Exchange exchange, VariableReader variables) throws InterruptedException {
        try {
            return answerReads(exchange, variables);
        } catch (ProtocolException e) {
            String reason = "it broke the protocol (" + e.getMessage() + ")";
            exchange.worker().kill(reason);
            return new Lost(Death.killed(reason), exchange.started());
        }
    }

    private static Attempt answerReads(Exchange exchange, VariableReader variables) throws InterruptedException {
        while (true) {
            Exchange.Event event = exchange.next();
            if (event instanceof Exchange.Overran overran) {
                return new Overran(overran.alone(), overran.reason());
            }
            if (event instanceof Exchange.Died died) {
                return new Lost(died.death(), exchange.started());
            }
            Frame frame = ((Exchange.Received) event).frame();
            if (frame.type() != FrameType.READ_VARIABLE) {
                return new Answered(frame);
            }
            exchange.worker().send(new Frame(FrameType.VARIABLE, exchange.id(),
                Payloads.variableAnswer(read(variables, Payloads.variableName(frame.payload())))));
        }
    }

    private static Payloads.VariableAnswer read(VariableReader variables, String name) {
        try {
            return new Payloads.VariableAnswer(variables.read(name), Optional.empty());
        } catch (RuntimeException e) {
            return new Payloads.VariableAnswer(Optional.empty(), Optional.of(String.valueOf(e.getMessage())));
        }
    }

    private Outcome callOutcome(String owner, Attempt attempt, boolean alone, Duration timeout) {
        if (attempt instanceof Answered answered) {
            if (answered.frame().type() != FrameType.OUTCOME) {
                return hostError("the worker answered a call with " + answered.frame().type());
            }
            try {
                return Payloads.outcome(answered.frame().payload());
            } catch (ProtocolException e) {
                return hostError(e.getMessage());
            }
        }
        if (attempt instanceof NoPlace noPlace) {
            return Outcome.failed(alone && !noPlace.lane().equals(guest.name())
                ? new PluginFailure(PluginFailure.Reason.WORKER_LOST, "its worker died because of another call, and"
                    + " it could not run again alone within " + settings.queueWait().toMillis() + " ms")
                : new PluginFailure(PluginFailure.Reason.HOST_BUSY, "no sandbox worker could take the call within "
                    + settings.queueWait().toMillis() + " ms"));
        }
        quarantine.add(owner);
        String what = attempt instanceof Overran
            ? "it ran past its timeout of " + timeout.toMillis() + " ms and the grace of "
                + settings.killGrace().toMillis() + " ms: its worker was killed"
            : "its worker ended while it ran alone: " + ((Lost) attempt).death().cause();
        log.accept("Plugin of " + owner + " killed its sandbox worker: " + what);
        return Outcome.failed(new PluginFailure(PluginFailure.Reason.KILLED, what), List.of(),
            timeout.plus(settings.killGrace()));
    }

    private PluginDigest installed(Attempt attempt) throws PluginRejectedException {
        if (attempt instanceof Answered answered && answered.frame().type() == FrameType.INSTALLED) {
            return Payloads.installed(answered.frame().payload());
        }
        if (attempt instanceof Answered answered && answered.frame().type() == FrameType.REJECTED) {
            Payloads.Rejected rejected = Payloads.rejected(answered.frame().payload());
            switch (rejected.kind()) {
                case INVALID -> throw new PluginRejectedException(rejected.message());
                case OVERRUN -> throw new CompileOverrunException(rejected.message());
                default -> throw new SandboxBusyException("The sandbox could not compile the module: "
                    + rejected.message());
            }
        }
        if (attempt instanceof Overran) {
            throw new CompileOverrunException("Compiling the module took longer than "
                + settings.limits().compileTimeout().toMillis() + " ms, the limit");
        }
        if (attempt instanceof Lost lost) {
            throw new PluginRejectedException("Compiling the module ended its worker: " + lost.death().cause());
        }
        if (attempt instanceof NoPlace) {
            throw new SandboxBusyException("No sandbox worker could compile the module within "
                + settings.queueWait().toMillis() + " ms; try again later");
        }
        throw new SandboxBusyException("The sandbox answered an installation with " + attempt);
    }

    /**
     * Compiles a stored plugin whose code is missing, once at a time per plugin; nobody's allowance pays. After a
     * failure (the store lost it, or its compilation overran and ended the guest worker), not again for
     * {@link #RECOMPILE_BACKOFF}: each of its messages would otherwise wait for another failure, and take the guest
     * worker from pushes.
     *
     * @return completes with whether the code is there now
     */
    private CompletableFuture<Boolean> compileInBackground(String owner, PluginDigest plugin) {
        if (failedRecompiles.contains(plugin.hex())) {
            return CompletableFuture.completedFuture(false);
        }
        CompletableFuture<Boolean> started = new CompletableFuture<>();
        CompletableFuture<Boolean> running = compiling.putIfAbsent(plugin, started);
        if (running != null) {
            return running;
        }
        try {
            recompiles.execute(() -> {
                boolean compiled = compile(owner, plugin);
                if (!compiled) {
                    failedRecompiles.add(plugin.hex());
                }
                started.complete(compiled);
            });
        } catch (RejectedExecutionException e) {
            started.complete(false);
        }
        return started.whenComplete((done, failure) -> compiling.remove(plugin, started));
    }

    private boolean compile(String owner, PluginDigest plugin) {
        try {
            Optional<byte[]> wasm = source.load(plugin);
            if (wasm.isEmpty()) {
                log.accept("Cannot compile " + plugin + " of " + owner + " again: it is not in the store");
                return false;
            }
            // The bundle's stores refuse a damaged copy already; from any other source, it would compile under
            // another digest and the call would still find no code.
            PluginDigest stored = PluginDigest.of(wasm.get());
            if (!stored.equals(plugin)) {
                log.accept("Cannot compile " + plugin + " of " + owner + " again: the store's copy is damaged (its bytes"
                    + " digest to " + stored + ")");
                return false;
            }
            installed(onGuest(owner, FrameType.INSTALL,
                Payloads.installRequest(new Payloads.InstallRequest(wasm.get(), true)),
                settings.limits().compileTimeout()));
            return true;
        } catch (PluginRejectedException | RuntimeException e) {
            log.accept("Cannot compile " + plugin + " of " + owner + " again: " + e.getMessage());
            return false;
        }
    }

    /**
     * The guest lane runs one request at a time: each is alone there. Still, a worker may die for other reasons than
     * the request (killed from outside, the machine out of memory): a request is blamed when its worker died under it
     * twice.
     */
    private Attempt onGuest(String owner, FrameType type, byte[] request, Duration timeout) {
        Attempt attempt = attempt(guest, owner, type, request, timeout, VariableReader.NONE);
        return attempt instanceof Lost ? attempt(guest, owner, type, request, timeout, VariableReader.NONE) : attempt;
    }

    private Attempt chargedToGuest(String owner, java.util.function.Supplier<Attempt> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            guestAllowance.charge(owner, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private Lane mailLane(String owner) {
        return mailLanes.get(Math.floorMod(owner.hashCode() * 0x9E3779B1, mailLanes.size()));
    }

    private List<Lane> lanes() {
        List<Lane> all = servingLanes();
        all.add(isolation);
        return all;
    }

    /** The lanes that serve requests from the start: mail, and the guest lane for pushes. */
    private List<Lane> servingLanes() {
        List<Lane> serving = new ArrayList<>(mailLanes);
        serving.add(guest);
        return serving;
    }

    private static Outcome hostError(String message) {
        return Outcome.failed(new PluginFailure(PluginFailure.Reason.HOST_ERROR, message));
    }

    private static String minutes(Duration duration) {
        return Math.max(1, (duration.toSeconds() + 59) / 60) + " min";
    }

    private static java.util.concurrent.ThreadFactory daemonThreads(String role) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "hackablemail-sandbox-" + role + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
