package org.hackablemail.core.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.hackablemail.core.Owner;
import org.hackablemail.core.plugins.OwnerPluginsOnDisk;
import org.hackablemail.plugin.email.HeaderChange;
import org.hackablemail.plugin.email.IncomingEmail;
import org.hackablemail.plugin.email.PluginInput;
import org.hackablemail.plugin.host.SandboxLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the trace records of real plugins run by the real host. */
class TraceEntriesTest {
    private static final Path TEST_PLUGINS = Path.of("../plugin-host/src/test/resources/plugins");
    private static final Path EXAMPLES = Path.of("../pdk/examples");
    private static final Owner BOB = Owner.of("bob@example.org");

    @TempDir
    Path directory;

    private OwnerPluginsOnDisk onDisk;

    @BeforeEach
    void setUp() {
        onDisk = new OwnerPluginsOnDisk(directory, SandboxLimits.defaults());
    }

    @AfterEach
    void tearDown() {
        onDisk.close();
    }

    private TraceEntry runOn(Path plugin, String subject, Map<String, String> config) throws Exception {
        onDisk.plugins().push(BOB, Files.readAllBytes(plugin), List.of(), "test", false);
        onDisk.plugins().setConfig(BOB, config, "test");
        IncomingEmail email = IncomingEmail.builder().sender("alice@example.org").receiver("bob@example.org")
            .headers(Map.of("Subject", subject)).body("Hello").messageId("<m1@example.org>").subject(subject).build();
        onDisk.plugins().run(BOB, PluginInput.fitted(email, 1024 * 1024), true);
        return onDisk.trace().read(BOB, TraceQuery.latest(1)).entries().get(0);
    }

    @Test
    void aDeliveryShouldBeRecordedWithTheHeadersItChanged() throws Exception {
        TraceEntry entry = runOn(EXAMPLES.resolve("subject-tagger-wat/subject-tagger.wasm"), "Lunch", Map.of());

        assertThat(entry.outcome()).isEqualTo("delivered");
        assertThat(entry.returnCode()).isZero();
        assertThat(entry.version()).isEqualTo(1);
        assertThat(entry.messageId()).isEqualTo("<m1@example.org>");
        assertThat(entry.sender()).isEqualTo("alice@example.org");
        assertThat(entry.subject()).isEqualTo("Lunch");
        assertThat(entry.delivered().changedHeaders()).containsExactly(new HeaderChange("Subject", "[tagged] Lunch"));
        assertThat(entry.delivered().bodyChanged()).isFalse();
        assertThat(entry.durationMillis()).isPositive();
    }

    @Test
    void aReplyShouldBeRecordedWithItsSubject() throws Exception {
        TraceEntry entry = runOn(EXAMPLES.resolve("project-xyz-c/project-xyz.wasm"), "Project XYZ news", Map.of());

        assertThat(entry.reply().subject()).isEqualTo("RE: Project XYZ news");
    }

    @Test
    void aBounceShouldBeRecordedWithItsCodeAndTheLogLines() throws Exception {
        TraceEntry entry = runOn(EXAMPLES.resolve("subject-blocker-c/subject-blocker.wasm"), "Buy <b>now</b>",
            Map.of("blocked_subjects", "<b>now"));

        assertThat(entry.outcome()).isEqualTo("bounced");
        assertThat(entry.returnCode()).isEqualTo(77);
        assertThat(entry.delivered()).isNull();
        assertThat(entry.logs()).containsExactly(
            new TraceEntry.Log("INFO", "bouncing: subject matches blocked pattern \"<b>now\""));
    }

    @Test
    void aFailureShouldBeRecordedWithItsReason() throws Exception {
        TraceEntry entry = runOn(TEST_PLUGINS.resolve("trap.wasm"), "Hi", Map.of());

        assertThat(entry.outcome()).isEqualTo("failed:trap");
        assertThat(entry.returnCode()).isNull();
        assertThat(entry.failure().reason()).isEqualTo("trap");
        assertThat(entry.failure().message()).isNotBlank();
    }

    @Test
    void longTextsShouldBeCut() throws Exception {
        TraceEntry entry = runOn(TEST_PLUGINS.resolve("drop.wasm"), "x".repeat(10_000), Map.of());

        assertThat(entry.outcome()).isEqualTo("dropped");
        assertThat(entry.subject()).hasSize(TraceEntries.MAX_SUBJECT + 1).endsWith("…");
    }
}
