package org.hackablemail.plugins;

import java.time.Clock;
import java.util.Set;

import org.hackablemail.config.HackableMailConfiguration;
import org.hackablemail.config.ValueParsers;
import org.hackablemail.plugin.host.HostCapacity;
import org.hackablemail.plugin.host.ModuleLimits;
import org.hackablemail.plugin.host.SandboxLimits;

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

    public static HostCapacity capacity(HackableMailConfiguration configuration) {
        HostCapacity defaults = HostCapacity.defaults();
        return new HostCapacity(
            configuration.value("sandbox.code.memory", "64M", ValueParsers::positiveSize),
            defaults.idleInstancesPerPlugin(),
            configuration.value("plugin.cache.idle.memory", "256M", ValueParsers::positiveSize),
            configuration.value("plugin.calls.concurrent", String.valueOf(defaults.maxConcurrentCalls()), ValueParsers::positiveInt));
    }

    /** Compiled plugins kept on disk, so that a restart does not compile them again. */
    public static long diskCodeBytes(HackableMailConfiguration configuration) {
        return configuration.value("sandbox.code.disk", "1G", ValueParsers::positiveSize);
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

    private static int intBytes(long bytes) {
        return (int) Math.min(bytes, Integer.MAX_VALUE);
    }
}
