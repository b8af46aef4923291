package org.hackablemail.plugin.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.hackablemail.plugin.PluginDigest;
import org.hackablemail.plugin.email.HeaderChange;
import org.hackablemail.plugin.host.HostCapacity;
import org.hackablemail.plugin.host.PluginHost;
import org.hackablemail.plugin.host.SandboxLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SimulationSuiteTest {
    private static final String OWNER = "bob@example.org";
    private static final Path SUBJECT_TAGGER = Path.of("../pdk/examples/subject-tagger-wat/subject-tagger.wasm");
    private static final String HELLO = "From: alice@example.org\r\nSubject: Hello\r\n\r\nAre you there?\r\n";

    private PluginHost host;
    private SimulationSuite suite;

    @BeforeEach
    void setUp() {
        SandboxLimits limits = SandboxLimits.builder().callTimeout(Duration.ofSeconds(5))
            .simulationTimeout(Duration.ofSeconds(5)).build();
        host = new PluginHost(limits, HostCapacity.defaults());
        suite = new SimulationSuite(host, limits);
    }

    @AfterEach
    void tearDown() {
        host.close();
    }

    @Test
    void shouldPassEveryBuiltInScenarioWhenPluginDeliversItsInput() throws Exception {
        SimulationReport report = suite.run(install("deliver-input"), OWNER, Map.of(), List.of());

        assertThat(report.passed()).as(report.summary()).isTrue();
        assertThat(report.scenarios()).extracting(ScenarioResult::name)
            .containsExactly("deliver and reply succeed", "deliver fails", "reply fails", "no Subject", "empty body",
                "large body", "non-ASCII headers", "HTML-only mail");
    }

    @Test
    void shouldShowWhatThePluginSawWhenScenarioHasNonAsciiHeaders() throws Exception {
        SimulationReport report = suite.run(install("deliver-input"), OWNER, Map.of(), List.of());

        assertThat(scenario(report, "non-ASCII headers").deliver())
            .isEqualTo(new ScenarioResult.Message("Réunion 会議 🎉", "Grüße, 你好, 🎉\r\n"));
        assertThat(scenario(report, "HTML-only mail").deliver().body()).isEqualTo("Hello & welcome\nRead more");
        assertThat(scenario(report, "deliver fails").returnCode()).isEqualTo(75);
        assertThat(scenario(report, "deliver fails").deliver()).isNull();
    }

    @Test
    void shouldNameTheFailureInEachScenarioWhenPluginTraps() throws Exception {
        SimulationReport report = suite.run(install("trap"), OWNER, Map.of(), List.of());

        assertThat(report.passed()).isFalse();
        assertThat(report.scenarios()).allSatisfy(scenario -> {
            assertThat(scenario.status()).isEqualTo(ScenarioResult.Status.failed);
            assertThat(scenario.problems()).singleElement().asString().startsWith("trap: ");
        });
    }

    @Test
    void shouldSkipTheRestWhenAScenarioTimesOut() throws Exception {
        SimulationReport report = suite.run(install("infinite-loop"), OWNER, Map.of(), List.of());

        assertThat(report.scenarios().get(0).problems()).singleElement().asString().isEqualTo("timeout: no result within 5000 ms");
        assertThat(report.scenarios().subList(1, report.scenarios().size()))
            .allSatisfy(scenario -> assertThat(scenario.status()).isEqualTo(ScenarioResult.Status.skipped));
    }

    @Test
    void shouldGiveEachScenarioItsTime() throws Exception {
        SimulationReport report = suite.run(install("deliver-input"), OWNER, Map.of(), List.of());

        assertThat(report.scenarios()).allSatisfy(scenario -> assertThat(scenario.millis()).isNotNull());
    }

    @Test
    void shouldFailAScenarioOverTheProductionCallTimeoutWithItsTimeAndSkipTheRest() throws Exception {
        SandboxLimits production = SandboxLimits.builder().callTimeout(Duration.ofMillis(200))
            .simulationTimeout(Duration.ofSeconds(30)).build();
        try (PluginHost slowHost = new PluginHost(production, HostCapacity.defaults())) {
            SimulationSuite strict = new SimulationSuite(slowHost, production);
            PluginDigest slow = slowHost.install(wasm("slow"));

            SimulationReport report = strict.run(slow, OWNER, Map.of(), List.of());

            ScenarioResult first = report.scenarios().get(0);
            assertThat(first.status()).isEqualTo(ScenarioResult.Status.failed);
            assertThat(first.millis()).isGreaterThan(200);
            assertThat(first.problems()).singleElement().asString()
                .isEqualTo("took " + first.millis().longValue() + " ms on a warm instance, more than the 200 ms a call may "
                    + "take in production: mail would fail with a timeout");
            assertThat(report.scenarios().subList(1, report.scenarios().size()))
                .allSatisfy(scenario -> assertThat(scenario.status()).isEqualTo(ScenarioResult.Status.skipped));
        }
    }

    @Test
    void shouldRunEachScenarioAfterAWarmUpCallWhoseVariablesAreForgotten() throws Exception {
        SimulationReport report = suite.run(install("count-calls"), OWNER, Map.of(), List.of());

        assertThat(report.scenarios()).allSatisfy(scenario -> assertThat(scenario.returnCode()).isEqualTo(1));
    }

    @Test
    void shouldListTheHeadersThePluginChanged() throws Exception {
        Scenario hello = new Scenario("hello", HELLO.getBytes(StandardCharsets.UTF_8), true, true, Expectation.none());

        ScenarioResult result = suite.runOne(host.install(Files.readAllBytes(SUBJECT_TAGGER)), OWNER, Map.of(), hello);

        assertThat(result.changedHeaders()).containsExactly(new HeaderChange("Subject", "[tagged] Hello"));
    }

    @Test
    void shouldFailOwnerCaseWhenPluginMissesItsExpectations() throws Exception {
        Scenario expectsDelivery = new Scenario("wants delivery", HELLO.getBytes(StandardCharsets.UTF_8), true, true,
            new Expectation(1, true, null));

        SimulationReport report = suite.run(install("drop"), OWNER, Map.of(), List.of(expectsDelivery));

        assertThat(report.passed()).isFalse();
        assertThat(scenario(report, "wants delivery").problems())
            .containsExactly("expected return code 1, got 0", "expected a deliver call, there was none");
        assertThat(report.summary())
            .isEqualTo("wants delivery: expected return code 1, got 0; expected a deliver call, there was none");
    }

    @Test
    void shouldPassOwnerCaseWhenPluginMeetsItsExpectations() throws Exception {
        Scenario expectsDelivery = new Scenario("delivers", HELLO.getBytes(StandardCharsets.UTF_8), true, true,
            new Expectation(0, true, false));

        SimulationReport report = suite.run(install("deliver-input"), OWNER, Map.of(), List.of(expectsDelivery));

        assertThat(report.passed()).isTrue();
        assertThat(scenario(report, "delivers").deliver()).isEqualTo(new ScenarioResult.Message("Hello", "Are you there?\r\n"));
    }

    private PluginDigest install(String plugin) throws Exception {
        return host.install(wasm(plugin));
    }

    private static byte[] wasm(String plugin) {
        try (InputStream wasm = SimulationSuiteTest.class.getResourceAsStream("/plugins/" + plugin + ".wasm")) {
            return wasm.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ScenarioResult scenario(SimulationReport report, String name) {
        return report.scenarios().stream().filter(scenario -> scenario.name().equals(name)).findFirst().orElseThrow();
    }
}
