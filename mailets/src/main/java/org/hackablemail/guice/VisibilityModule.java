package org.hackablemail.guice;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.hackablemail.config.HackableMailConfiguration;
import org.hackablemail.config.ValueParsers;
import org.hackablemail.core.RateLimiter;
import org.hackablemail.core.plugins.PluginRunListener;
import org.hackablemail.core.store.Storage;
import org.hackablemail.core.trace.PluginTrace;
import org.hackablemail.metrics.BundleMetrics;
import org.hackablemail.plugins.PluginRunLog;
import org.hackablemail.plugins.PluginRunMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Scopes;
import com.google.inject.Singleton;

/**
 * What lets admins and owners see what plugins do: every run goes to the trace, James's log and James's metrics.
 * Installed by {@link HackableMailModule}.
 */
public class VisibilityModule extends AbstractModule {
    static final String LOG_LINES_PER_MINUTE = "plugin.log.lines.per.minute";
    private static final Logger LOGGER = LoggerFactory.getLogger(VisibilityModule.class);
    /** How often a reader waiting for the trace checks for entries recorded on other nodes. */
    private static final Duration TRACE_RECHECK = Duration.ofSeconds(1);
    private static final Duration TRACE_PURGE_INTERVAL = Duration.ofHours(1);

    @Override
    protected void configure() {
        bind(BundleMetrics.class).in(Scopes.SINGLETON);
    }

    /** The trace; what is older than {@code trace.max.age} is purged every hour, in the background. */
    @Provides
    @Singleton
    PluginTrace pluginTrace(Storage storage) {
        ScheduledExecutorService purge = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "hackablemail-trace-purge");
            thread.setDaemon(true);
            return thread;
        });
        purge.scheduleWithFixedDelay(() -> {
            try {
                storage.trace().purgeExpired();
            } catch (RuntimeException e) {
                LOGGER.warn("Could not purge the expired plugin traces; trying again in {}", TRACE_PURGE_INTERVAL, e);
            }
        }, TRACE_PURGE_INTERVAL.toMinutes(), TRACE_PURGE_INTERVAL.toMinutes(), TimeUnit.MINUTES);
        return new PluginTrace(storage.trace(), TRACE_RECHECK);
    }

    /**
     * Every run to the trace, the log and the metrics. A listener that fails (the trace's storage is down) never
     * fails the message: it is counted, and logged at most once a minute.
     */
    @Provides
    @Singleton
    PluginRunListener runListener(PluginTrace trace, BundleMetrics metrics, HackableMailConfiguration configuration) {
        int linesPerMinute = configuration.value(LOG_LINES_PER_MINUTE, "60", ValueParsers::nonNegativeInt);
        RateLimiter failureLines = new RateLimiter(1, Duration.ofMinutes(1), Clock.systemUTC());
        return PluginRunListener.all(
            List.of(trace, new PluginRunLog(linesPerMinute, Clock.systemUTC()), new PluginRunMetrics(metrics)),
            (run, e) -> {
                metrics.counter("hackablemail.plugin.unrecorded").increment();
                if (failureLines.allow(e.getClass().getName())) {
                    LOGGER.warn("A plugin run of {} could not be recorded (more such failures are only counted, as "
                        + "hackablemail.plugin.unrecorded, for a minute)", run.owner(), e);
                }
            });
    }
}
