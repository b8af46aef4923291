package org.hackablemail.plugin.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.hackablemail.plugin.PluginDigest;
import org.hackablemail.plugin.host.HostCapacity;
import org.hackablemail.plugin.host.PluginHost;
import org.hackablemail.plugin.host.SandboxLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SimulationSuiteTest {
    private static final String OWNER = "bob@example.org";
    private static final String HELLO = "From: alice@example.org\r\nSubject: Hello\r\n\r\nAre you there?\r\n";

    private PluginHost host;
    private SimulationSuite suite;

    @BeforeEach
    void setUp() {
        SandboxLimits limits = SandboxLimits.builder().simulationTimeout(Duration.ofSeconds(5)).build();
        host = new PluginHost(limits, HostCapacity.defaults());
        suite = new SimulationSuite(host, limits.maxInputBytes());
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
        try (InputStream wasm = getClass().getResourceAsStream("/plugins/" + plugin + ".wasm")) {
            return host.install(wasm.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ScenarioResult scenario(SimulationReport report, String name) {
        return report.scenarios().stream().filter(scenario -> scenario.name().equals(name)).findFirst().orElseThrow();
    }
}
