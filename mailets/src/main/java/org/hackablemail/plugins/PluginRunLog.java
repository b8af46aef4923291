package org.hackablemail.plugins;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.hackablemail.core.Owner;
import org.hackablemail.core.PrintableText;
import org.hackablemail.core.RateLimiter;
import org.hackablemail.core.plugins.PluginRun;
import org.hackablemail.core.plugins.PluginRunListener;
import org.hackablemail.plugin.host.LogEntry;
import org.hackablemail.plugin.host.PluginFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes plugin runs to James's log, under one logger per kind of line, so that an admin can turn each on or off in
 * {@code logback.xml}:
 * <ul>
 *   <li>{@value #RUNS_LOGGER}: one line for every run that failed (WARN), bounced or asked to be tried again (INFO),
 *       naming the owner, the message and the reason;</li>
 *   <li>{@value #PLUGIN_LINES_LOGGER}: the plugins' own {@code log_*} lines, at INFO whatever their level, at most
 *       {@code plugin.log.lines.per.minute} per owner (the rest are counted, and the count written with the next
 *       line let through).</li>
 * </ul>
 * Every text from the message or the plugin is written through {@link PrintableText}: a plugin cannot forge log lines.
 */
public final class PluginRunLog implements PluginRunListener {
    public static final String RUNS_LOGGER = "org.hackablemail.plugin";
    public static final String PLUGIN_LINES_LOGGER = "org.hackablemail.plugin.log";
    private static final Logger RUNS = LoggerFactory.getLogger(RUNS_LOGGER);
    private static final Logger PLUGIN_LINES = LoggerFactory.getLogger(PLUGIN_LINES_LOGGER);
    private static final int MAX_LINE = 1000;

    private final RateLimiter linesPerOwner;
    private final Map<Owner, AtomicLong> dropped = new ConcurrentHashMap<>();

    public PluginRunLog(int linesPerMinute, Clock clock) {
        this.linesPerOwner = new RateLimiter(linesPerMinute, Duration.ofMinutes(1), clock);
    }

    @Override
    public void ran(PluginRun run) {
        String message = PrintableText.of(run.email().messageId() != null ? run.email().messageId() : "(no Message-ID)");
        if (PLUGIN_LINES.isInfoEnabled()) {
            run.outcome().logs().forEach(line -> pluginLine(run, message, line));
        }
        String outcome = run.outcomeLabel();
        if (run.outcome().failure().isPresent()) {
            PluginFailure failure = run.outcome().failure().get();
            RUNS.warn("Plugin of {} (version {}) failed on {}: {}", run.owner(), run.version(), message,
                printable(failure.toString()));
        } else if (outcome.equals("bounced")) {
            RUNS.info("Plugin of {} (version {}) bounced {} with code {}", run.owner(), run.version(), message,
                run.outcome().resultCode());
        } else if (outcome.equals("deferred")) {
            RUNS.info("Plugin of {} (version {}) asked to try {} again later (code 75)", run.owner(), run.version(),
                message);
        }
    }

    private void pluginLine(PluginRun run, String message, LogEntry line) {
        AtomicLong droppedLines = dropped.computeIfAbsent(run.owner(), any -> new AtomicLong());
        if (!linesPerOwner.allow(run.owner().asString())) {
            droppedLines.incrementAndGet();
            return;
        }
        long skipped = droppedLines.getAndSet(0);
        if (skipped > 0) {
            PLUGIN_LINES.info("[{}] {} line(s) of this plugin were not written: over plugin.log.lines.per.minute",
                run.owner(), skipped);
        }
        PLUGIN_LINES.info("[{}] {} {}: {}", run.owner(), message, line.level().name().toLowerCase(Locale.ROOT),
            printable(line.message()));
    }

    private static String printable(String text) {
        String cut = text != null && text.length() > MAX_LINE ? text.substring(0, MAX_LINE) + "…" : text;
        return PrintableText.of(cut);
    }
}
