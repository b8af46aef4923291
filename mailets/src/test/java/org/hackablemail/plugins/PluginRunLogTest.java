package org.hackablemail.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.hackablemail.core.Owner;
import org.hackablemail.core.SettableClock;
import org.hackablemail.core.plugins.OwnerPluginsOnDisk;
import org.hackablemail.core.plugins.PluginRun;
import org.hackablemail.plugin.email.IncomingEmail;
import org.hackablemail.plugin.email.PluginInput;
import org.hackablemail.plugin.host.SandboxLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/** What James's log gets of real plugin runs. */
class PluginRunLogTest {
    private static final Path TEST_PLUGINS = Path.of("../plugin-host/src/test/resources/plugins");
    private static final Path EXAMPLES = Path.of("../pdk/examples");
    private static final Owner BOB = Owner.of("bob@example.org");

    @TempDir
    Path directory;

    private final List<PluginRun> runs = new CopyOnWriteArrayList<>();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private OwnerPluginsOnDisk onDisk;

    @BeforeEach
    void setUp() {
        onDisk = new OwnerPluginsOnDisk(directory, SandboxLimits.defaults(), runs::add);
        appender.start();
        // The plugins' lines reach it too: their logger is a child of the runs' logger.
        logger(PluginRunLog.RUNS_LOGGER).addAppender(appender);
    }

    @AfterEach
    void tearDown() {
        logger(PluginRunLog.RUNS_LOGGER).detachAppender(appender);
        onDisk.close();
    }

    private static Logger logger(String name) {
        Logger logger = (Logger) LoggerFactory.getLogger(name);
        logger.setLevel(Level.INFO);
        return logger;
    }

    private PluginRun run(Path plugin, String subject, Map<String, String> config) throws Exception {
        onDisk.plugins().push(BOB, Files.readAllBytes(plugin), List.of(), "test", false);
        onDisk.plugins().setConfig(BOB, config, "test");
        IncomingEmail email = IncomingEmail.builder().sender("alice@example.org").receiver("bob@example.org")
            .headers(Map.of("Subject", subject)).body("Hello").messageId("<m1@example.org>").subject(subject).build();
        runs.clear();
        onDisk.plugins().run(BOB, PluginInput.fitted(email, 1024 * 1024), true);
        return runs.get(0);
    }

    private List<String> lines(String logger) {
        return appender.list.stream()
            .filter(event -> event.getLoggerName().equals(logger))
            .map(event -> event.getLevel() + " " + event.getFormattedMessage())
            .toList();
    }

    @Test
    void aFailureShouldLeaveOneWarningNamingOwnerMessageAndReason() throws Exception {
        PluginRun failed = run(TEST_PLUGINS.resolve("trap.wasm"), "Hi", Map.of());

        new PluginRunLog(60, Clock.systemUTC()).ran(failed);

        assertThat(lines(PluginRunLog.RUNS_LOGGER)).singleElement().satisfies(line -> assertThat(line)
            .startsWith("WARN Plugin of bob@example.org (version 1) failed on <m1@example.org>: trap: "));
    }

    @Test
    void aBounceShouldLeaveOneInfoLineWithItsCodeAndThePluginsOwnLines() throws Exception {
        PluginRun bounced = run(EXAMPLES.resolve("subject-blocker-c/subject-blocker.wasm"), "Buy now",
            Map.of("blocked_subjects", "now"));

        new PluginRunLog(60, Clock.systemUTC()).ran(bounced);

        assertThat(lines(PluginRunLog.RUNS_LOGGER))
            .containsExactly("INFO Plugin of bob@example.org (version 1) bounced <m1@example.org> with code 77");
        assertThat(lines(PluginRunLog.PLUGIN_LINES_LOGGER)).containsExactly(
            "INFO [bob@example.org] <m1@example.org> info: bouncing: subject matches blocked pattern \"now\"");
    }

    @Test
    void aDeliveryShouldLeaveNoRunLine() throws Exception {
        PluginRun delivered = run(EXAMPLES.resolve("subject-tagger-wat/subject-tagger.wasm"), "Hi", Map.of());

        new PluginRunLog(60, Clock.systemUTC()).ran(delivered);

        assertThat(lines(PluginRunLog.RUNS_LOGGER)).isEmpty();
    }

    @Test
    void pluginLinesShouldStayOnOneLine() throws Exception {
        PluginRun bounced = run(EXAMPLES.resolve("subject-blocker-c/subject-blocker.wasm"), "x\u001b[31m\r\nFAKE",
            Map.of("blocked_subjects", "x\u001b[31m\r\nFAKE"));

        new PluginRunLog(60, Clock.systemUTC()).ran(bounced);

        assertThat(lines(PluginRunLog.PLUGIN_LINES_LOGGER)).singleElement().satisfies(line ->
            assertThat(line).doesNotContain("\n", "\r", "\u001b"));
    }

    @Test
    void pluginLinesOverTheRateShouldBeCountedAndReportedWithTheNextLineLetThrough() throws Exception {
        PluginRun bounced = run(EXAMPLES.resolve("subject-blocker-c/subject-blocker.wasm"), "Buy now",
            Map.of("blocked_subjects", "now"));
        SettableClock clock = new SettableClock();
        PluginRunLog log = new PluginRunLog(2, clock);

        for (int i = 0; i < 5; i++) {
            log.ran(bounced);
        }
        clock.advance(Duration.ofMinutes(1));
        log.ran(bounced);

        assertThat(lines(PluginRunLog.PLUGIN_LINES_LOGGER)).hasSize(4)
            .element(2).isEqualTo("INFO [bob@example.org] 3 line(s) of this plugin were not written: over "
                + "plugin.log.lines.per.minute");
        assertThat(lines(PluginRunLog.RUNS_LOGGER)).as("run lines are never rate-limited").hasSize(6);
    }
}
