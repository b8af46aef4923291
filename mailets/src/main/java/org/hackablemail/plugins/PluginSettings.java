package org.hackablemail.plugins;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;

import org.hackablemail.config.HackableMailConfiguration;
import org.hackablemail.config.ValueParsers;
import org.hackablemail.core.circuit.CircuitBreaker;
import org.hackablemail.plugin.host.HostCapacity;
import org.hackablemail.plugin.host.ModuleLimits;
import org.hackablemail.plugin.host.SandboxLimits;
import org.hackablemail.plugin.sandbox.SandboxSettings;

/**
 * The plugin sandbox's limits, the host's capacity, and who may get what plugins send back, from
 * {@code hackable-mail.properties}.
 */
public final class PluginSettings {
    private PluginSettings() {
    }

    public static SandboxLimits limits(HackableMailConfiguration configuration) {
        return SandboxLimits.builder()
            .callTimeout(configuration.value("plugin.timeout", "1s", ValueParsers::positiveDuration))
            .simulationTimeout(configuration.value("plugin.simulation.timeout", "10s", ValueParsers::positiveDuration))
            .pluginMemoryBytes(configuration.value("plugin.memory", "16M", ValueParsers::positiveSize))
            .kernelMemoryBytes(configuration.value("plugin.kernel.memory", "16M", ValueParsers::positiveSize))
            .maxInputBytes(intBytes(configuration.value("plugin.input.max", "1M", ValueParsers::positiveSize)))
            .maxOutputBytes(intBytes(configuration.value("plugin.output.max", "64K", ValueParsers::positiveSize)))
            .module(moduleLimits(configuration))
            .compileTimeout(configuration.value("plugin.compile.timeout", "20s", ValueParsers::positiveDuration))
            .build();
    }

    /** What a module may declare: checked when it is pushed, each refusal naming the limit and the value. */
    static ModuleLimits moduleLimits(HackableMailConfiguration configuration) {
        return new ModuleLimits(
            intBytes(configuration.value("plugin.module.max", "8M", ValueParsers::positiveSize)),
            configuration.value("plugin.functions.max", "10000", ValueParsers::positiveInt),
            intBytes(configuration.value("plugin.function.size.max", "128K", ValueParsers::positiveSize)),
            configuration.value("plugin.function.locals.max", "4096", ValueParsers::nonNegativeInt),
            configuration.value("plugin.tables.max", "4", ValueParsers::nonNegativeInt),
            configuration.value("plugin.table.elements.max", "100000", ValueParsers::nonNegativeInt),
            configuration.value("plugin.globals.max", "1000", ValueParsers::nonNegativeInt),
            configuration.value("plugin.data.segments.max", "10000", ValueParsers::nonNegativeInt),
            configuration.value("plugin.element.segments.max", "1000", ValueParsers::nonNegativeInt));
    }

    /** What each sandbox worker keeps warm. */
    static HostCapacity workerCapacity(HackableMailConfiguration configuration) {
        HostCapacity defaults = HostCapacity.defaults();
        return new HostCapacity(
            configuration.value("sandbox.code.memory", "64M", ValueParsers::positiveSize),
            defaults.idleInstancesPerPlugin(),
            configuration.value("sandbox.instances.memory", "64M", ValueParsers::positiveSize),
            defaults.maxConcurrentCalls());
    }

    /** The sandbox worker processes, their shares and budgets; compiled code kept in {@code codeDirectory}. */
    public static SandboxSettings sandbox(HackableMailConfiguration configuration, Path codeDirectory) {
        SandboxSettings defaults = SandboxSettings.builder(codeDirectory).build();
        return SandboxSettings.builder(codeDirectory)
            .limits(limits(configuration))
            .workerCapacity(workerCapacity(configuration))
            .mailWorkers(configuration.value("sandbox.workers", String.valueOf(defaults.mailWorkers()),
                ValueParsers::positiveInt))
            .callsPerWorker(configuration.value("sandbox.worker.calls", "4", ValueParsers::positiveInt))
            .callsPerOwner(configuration.value("sandbox.owner.calls", "2", ValueParsers::positiveInt))
            .workerHeapBytes(configuration.value("sandbox.worker.heap", "256M", ValueParsers::positiveSize))
            .spareWorkers(configuration.value("sandbox.spare.workers", "1", ValueParsers::nonNegativeInt))
            .startTimeout(configuration.value("sandbox.worker.start.timeout", "120s", ValueParsers::positiveDuration))
            .killGrace(configuration.value("sandbox.kill.grace", "500ms", ValueParsers::positiveDuration))
            .queueWait(configuration.value("sandbox.queue.wait", "5s", ValueParsers::positiveDuration))
            .ownerCpuPerMinute(configuration.value("sandbox.owner.cpu.per.minute", "30s",
                ValueParsers::positiveDuration))
            .guestTimePerHour(configuration.value("sandbox.guest.time.per.hour", "5 minutes",
                ValueParsers::positiveDuration))
            .quarantine(configuration.value("sandbox.quarantine", "10 minutes", ValueParsers::positiveDuration))
            .diskCodeBytes(configuration.value("sandbox.code.disk", "1G", ValueParsers::positiveSize))
            .build();
    }

    /** Front MXes whose SPF verdicts vouch for a sender (none by default), and where they connect from. */
    public static SenderVouching senderVouching(HackableMailConfiguration configuration) {
        return new SenderVouching(
            Set.copyOf(configuration.value("sender.upstream.authserv.ids", "", ValueParsers::list)),
            configuration.value("sender.upstream.networks", "127.0.0.0/8, ::1", ValueParsers::networks));
    }

    public static ReplyBudget replyBudget(HackableMailConfiguration configuration) {
        return new ReplyBudget(configuration.value("plugin.replies.per.hour", "30", ValueParsers::nonNegativeInt),
            Clock.systemUTC());
    }

    /** After how many failures in a row, from how many distinct senders, a plugin is suspended. */
    public static CircuitBreaker.Settings circuitBreaker(HackableMailConfiguration configuration) {
        return new CircuitBreaker.Settings(
            configuration.value("plugin.circuit.failures", "5", ValueParsers::positiveInt),
            configuration.value("plugin.circuit.senders", "3", ValueParsers::positiveInt));
    }

    private static int intBytes(long bytes) {
        return (int) Math.min(bytes, Integer.MAX_VALUE);
    }
}
