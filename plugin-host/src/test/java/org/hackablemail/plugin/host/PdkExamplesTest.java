package org.hackablemail.plugin.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import org.hackablemail.plugin.PluginDigest;
import org.hackablemail.plugin.email.EmailJson;
import org.hackablemail.plugin.email.IncomingEmail;
import org.hackablemail.plugin.email.ReplyEmail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The PDK's example plugins, built by the official toolchains (AssemblyScript with @extism/as-pdk, C, Rust, WAT),
 * run unchanged on this host and behave as pdk/runner/test.mjs says they do on Extism's own JS host.
 */
class PdkExamplesTest {
    private static final Path PDK = Path.of("../pdk");
    private static final String XYZ_ANSWER = "Talking about Project XYZ is forbidden!!!\n\nPlease stop talking about Project XYZ!";

    private final OwnerVariables vars = new OwnerVariables();
    private PluginHost host;

    @BeforeEach
    void setUp() {
        // Behaviour, not speed: a generous timeout, so that a cold JVM on a loaded machine cannot fail the test.
        SandboxLimits limits = SandboxLimits.builder().callTimeout(Duration.ofSeconds(10)).build();
        host = new PluginHost(limits, HostCapacity.defaults());
    }

    @AfterEach
    void tearDown() {
        host.close();
    }

    static Stream<Arguments> projectXyzBuilds() {
        return Stream.of(Arguments.of("project-xyz-as/project-xyz.wasm"), Arguments.of("project-xyz-c/project-xyz.wasm"));
    }

    @ParameterizedTest
    @MethodSource("projectXyzBuilds")
    void projectXyzShouldDeliverAndReplyWhenTheSubjectMentionsProjectXyz(String plugin) throws Exception {
        Outcome outcome = run(plugin, Map.of(), "xyz-subject");

        assertThat(outcome.resultCode()).isZero();
        assertThat(outcome.delivered()).contains(email("xyz-subject"));
        assertThat(outcome.reply()).contains(new ReplyEmail("RE: News about Project XYZ", XYZ_ANSWER));
    }

    @ParameterizedTest
    @MethodSource("projectXyzBuilds")
    void projectXyzShouldOnlyDeliverOtherMail(String plugin) throws Exception {
        Outcome outcome = run(plugin, Map.of(), "plain");

        assertThat(outcome.resultCode()).isZero();
        assertThat(outcome.delivered()).contains(email("plain"));
        assertThat(outcome.reply()).isEmpty();
    }

    @Test
    void subjectBlockerShouldBounceListedSubjectsWithCode77() throws Exception {
        Outcome outcome = run("subject-blocker-c/subject-blocker.wasm", Map.of("blocked_subjects", "viagra\n  PROJECT xyz  \n"), "xyz-subject");

        assertThat(outcome.resultCode()).isEqualTo(77);
        assertThat(outcome.delivered()).isEmpty();
    }

    @Test
    void subjectTaggerShouldDeliverWithATaggedSubject() throws Exception {
        Outcome outcome = run("subject-tagger-wat/subject-tagger.wasm", Map.of(), "plain");

        assertThat(outcome.resultCode()).isZero();
        assertThat(outcome.delivered()).map(delivered -> delivered.headers().get("Subject")).contains("[tagged] Lunch?");
    }

    @Test
    void vacationResponderShouldReplyOncePerSenderPerPeriod() throws Exception {
        PluginDigest vacation = host.install(Files.readAllBytes(PDK.resolve("examples/vacation-rust/vacation.wasm")));
        Map<String, String> config = Map.of("days", "7", "message", "Back on \"Monday\".");

        Outcome first = vars.run(host, vacation, call(config, "vacation-1-bob"));
        Outcome nextDay = vars.run(host, vacation, call(config, "vacation-2-bob-next-day"));
        Outcome eightDaysLater = vars.run(host, vacation, call(config, "vacation-3-bob-8-days-later"));

        assertThat(first.reply()).contains(new ReplyEmail("Auto: Hello 1", "Back on \"Monday\"."));
        assertThat(nextDay.reply()).isEmpty();
        assertThat(eightDaysLater.reply()).contains(new ReplyEmail("Auto: Hello 3", "Back on \"Monday\"."));
        assertThat(Stream.of(first, nextDay, eightDaysLater)).allSatisfy(outcome -> {
            assertThat(outcome.resultCode()).isZero();
            assertThat(outcome.delivered()).isPresent();
        });
    }

    private Outcome run(String plugin, Map<String, String> config, String email) throws Exception {
        return vars.run(host, host.install(Files.readAllBytes(PDK.resolve("examples").resolve(plugin))), call(config, email));
    }

    private static EmailCall call(Map<String, String> config, String email) throws IOException {
        return new EmailCall("alice@demo.test", Files.readAllBytes(testData(email)), config, true);
    }

    private static IncomingEmail email(String name) throws IOException {
        return EmailJson.incomingEmail(Files.readAllBytes(testData(name)));
    }

    private static Path testData(String name) {
        return PDK.resolve("testdata").resolve(name + ".json");
    }
}
