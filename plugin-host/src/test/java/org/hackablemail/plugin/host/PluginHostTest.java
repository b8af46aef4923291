package org.hackablemail.plugin.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.hackablemail.plugin.PluginDigest;
import org.hackablemail.plugin.email.EmailJson;
import org.hackablemail.plugin.email.IncomingEmail;
import org.hackablemail.plugin.email.ReplyEmail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PluginHostTest {
    private static final String OWNER = "bob@example.org";
    private static final IncomingEmail EMAIL = IncomingEmail.of("alice@example.org", OWNER,
        Map.of("Subject", "Hello"), "Hi Bob");
    private static final ReplyEmail AWAY = new ReplyEmail("Away", "Back on Monday");

    private final OwnerVariables vars = new OwnerVariables();
    private PluginHost host;

    @BeforeEach
    void setUp() {
        // Behaviour, not speed: a generous timeout, so that a cold JVM on a loaded machine cannot fail the test.
        host = new PluginHost(SandboxLimits.builder().callTimeout(Duration.ofSeconds(10)).build(),
            HostCapacity.defaults());
    }

    @AfterEach
    void tearDown() {
        host.close();
    }

    @Test
    void shouldReportDeliveryWhenPluginDeliversItsInput() throws Exception {
        Outcome outcome = vars.run(host, host.install(TestPlugins.wasm("deliver-input")), emailTo(OWNER));

        assertThat(outcome.resultCode()).isZero();
        assertThat(outcome.delivered()).contains(EMAIL);
        assertThat(outcome.reply()).isEmpty();
        assertThat(outcome.logs()).containsExactly(new LogEntry(LogEntry.Level.INFO, "delivering"));
    }

    @Test
    void shouldRefuseSecondDeliveryWhenPluginDeliversTwice() throws Exception {
        Outcome outcome = vars.run(host, host.install(TestPlugins.wasm("deliver-twice")), emailTo(OWNER));

        assertThat(outcome.resultCode()).isEqualTo(EmailFunctions.ALREADY_DONE);
        assertThat(outcome.delivered()).contains(EMAIL);
    }

    @Test
    void shouldRefuseDeliveryWhenPayloadIsNotAnEmail() throws Exception {
        Outcome outcome = vars.run(host, host.install(TestPlugins.wasm("deliver-twice")),
            new EmailCall(OWNER, "[1, 2]".getBytes(StandardCharsets.UTF_8), Map.of(), true));

        assertThat(outcome.resultCode()).isEqualTo(EmailFunctions.BAD_ARGUMENT);
        assertThat(outcome.delivered()).isEmpty();
    }

    @Test
    void shouldRefuseSecondReplyWhenPluginRepliesTwice() throws Exception {
        Outcome outcome = vars.run(host, host.install(TestPlugins.wasm("reply-twice")), emailTo(OWNER));

        assertThat(outcome.resultCode()).isEqualTo(EmailFunctions.ALREADY_DONE);
        assertThat(outcome.reply()).contains(AWAY);
    }

    @Test
    void shouldRefuseReplyWhenMessageMustNotBeAnswered() throws Exception {
        Outcome outcome = vars.run(host, host.install(TestPlugins.wasm("reply-twice")),
            new EmailCall(OWNER, EmailJson.toJson(EMAIL), Map.of(), false));

        assertThat(outcome.resultCode()).isEqualTo(EmailFunctions.NOT_ALLOWED);
        assertThat(outcome.reply()).isEmpty();
    }

    @Test
    void shouldPassConfigWhenPluginReadsIt() throws Exception {
        Outcome outcome = vars.run(host, host.install(TestPlugins.wasm("reply-twice")),
            new EmailCall(OWNER, EmailJson.toJson(EMAIL), Map.of("greeting", "Hi there"), true));

        assertThat(outcome.logs()).containsExactly(new LogEntry(LogEntry.Level.WARN, "Hi there"));
    }

    @Test
    void shouldKeepVariablesPerOwnerWhenPluginCountsCalls() throws Exception {
        PluginDigest counter = host.install(TestPlugins.wasm("count-calls"));

        vars.run(host, counter, emailTo(OWNER));
        Outcome second = vars.run(host, counter, emailTo(OWNER));
        Outcome otherOwner = vars.run(host, counter, emailTo("carol@example.org"));

        assertThat(second.resultCode()).isEqualTo(2);
        assertThat(otherOwner.resultCode()).isEqualTo(1);
        assertThat(vars.get(OWNER, "n")).hasValueSatisfying(value -> assertThat(value[0]).isEqualTo((byte) 2));
    }

    @Test
    void shouldAnswerDeliverWithUnavailableWhenCallRefusesDelivery() throws Exception {
        Outcome outcome = vars.run(host, host.install(TestPlugins.wasm("deliver-input")),
            new EmailCall(OWNER, EmailJson.toJson(EMAIL), Map.of(), true, false));

        assertThat(outcome.resultCode()).isEqualTo(EmailFunctions.UNAVAILABLE);
        assertThat(outcome.delivered()).isEmpty();
    }

    @Test
    void shouldLeaveOwnerVariablesAloneWhenSimulating() throws Exception {
        PluginDigest counter = host.install(TestPlugins.wasm("count-calls"));
        vars.run(host, counter, emailTo(OWNER));

        Outcome first = host.simulate(counter, emailTo(OWNER)).outcome();
        Outcome second = host.simulate(counter, emailTo(OWNER)).outcome();

        assertThat(first.resultCode()).isEqualTo(1);
        assertThat(second.resultCode()).isEqualTo(1);
        assertThat(vars.run(host, counter, emailTo(OWNER)).resultCode()).isEqualTo(2);
    }

    @Test
    void shouldReportPluginErrorWhenPluginReturnsNonZero() throws Exception {
        Outcome outcome = vars.run(host, host.install(TestPlugins.wasm("error-set")), emailTo(OWNER));

        assertThat(outcome.failure()).contains(
            new PluginFailure(PluginFailure.Reason.PLUGIN_ERROR, "onEmail returned 1: oops"));
    }

    @Test
    void shouldLogStdoutAndFailWhenPluginExits() throws Exception {
        Outcome outcome = vars.run(host, host.install(TestPlugins.wasm("wasi-stdout")), emailTo(OWNER));

        assertThat(outcome.failure()).contains(
            new PluginFailure(PluginFailure.Reason.TRAP, "the plugin exited with code 3"));
        assertThat(outcome.logs()).containsExactly(new LogEntry(LogEntry.Level.INFO, "hello from stdout"));
    }

    @Test
    void shouldRefuseInputWhenLargerThanCap() throws Exception {
        host.close();
        host = new PluginHost(SandboxLimits.builder().maxInputBytes(16).build(), HostCapacity.defaults());

        Outcome outcome = vars.run(host, host.install(TestPlugins.wasm("deliver-input")), emailTo(OWNER));

        assertThat(outcome.failure()).map(PluginFailure::reason).contains(PluginFailure.Reason.INPUT_TOO_LARGE);
    }

    @Test
    void shouldReportHostCausedNotCompiledWhenPluginWasNeverInstalled() {
        Outcome outcome = vars.run(host, PluginDigest.of(new byte[] {1}), emailTo(OWNER));

        assertThat(outcome.failure()).map(PluginFailure::reason).contains(PluginFailure.Reason.NOT_COMPILED);
        assertThat(outcome.failure()).map(PluginFailure::hostCaused).contains(true);
    }

    @Test
    void shouldApplyNothingWhenCallFailsAfterDeliveringReplyingAndWriting() throws Exception {
        Outcome outcome = vars.run(host, host.install(TestPlugins.wasm("deliver-then-trap")), emailTo(OWNER));

        assertThat(outcome.failure()).map(PluginFailure::reason).contains(PluginFailure.Reason.TRAP);
        assertThat(outcome.delivered()).isEmpty();
        assertThat(outcome.reply()).isEmpty();
        assertThat(outcome.variableWrites()).isEmpty();
        assertThat(vars.get(OWNER, "n")).isEmpty();
    }

    @Test
    void shouldDenyCallWhenItWritesMoreVariablesThanTheCap() throws Exception {
        Outcome outcome = vars.run(host, host.install(TestPlugins.wasm("var-flood")), emailTo(OWNER));

        assertThat(outcome.failure()).contains(new PluginFailure(PluginFailure.Reason.DENIED,
            "the call wrote more than 1048576 bytes of variables (names and values)"));
        assertThat(outcome.variableWrites()).isEmpty();
    }

    private static EmailCall emailTo(String owner) {
        return new EmailCall(owner, EmailJson.toJson(EMAIL), Map.of(), true);
    }
}
