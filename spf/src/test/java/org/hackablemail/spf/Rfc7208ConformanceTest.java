package org.hackablemail.spf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.Yaml;

/**
 * Runs every case of the openspf.org RFC 7208 suite ({@code rfc7208-tests.yml}, see its README and LICENSE
 * next to it) against {@link SpfChecker}, one dynamic test per case, grouped by scenario.
 */
class Rfc7208ConformanceTest {
    private static final String SUITE = "/rfc7208-tests.yml";
    private static final int SUITE_SIZE = 203;
    /** The suite's word for "the checker's own default explanation", which our verdicts leave absent. */
    private static final String DEFAULT_EXPLANATION = "DEFAULT";

    private record Case(String scenario, String name, Map<String, Object> fields, ZoneDns dns) {
    }

    @TestFactory
    Stream<DynamicContainer> suite() throws IOException {
        Map<String, List<Case>> byScenario = loadCases().stream()
            .collect(Collectors.groupingBy(Case::scenario, java.util.LinkedHashMap::new, Collectors.toList()));
        return byScenario.entrySet().stream()
            .map(scenario -> dynamicContainer(scenario.getKey(), scenario.getValue().stream().map(this::test)));
    }

    @Test
    void suiteShouldHaveAllItsCases() throws IOException {
        assertThat(loadCases()).hasSize(SUITE_SIZE);
    }

    private DynamicTest test(Case testCase) {
        return dynamicTest(testCase.scenario() + ": " + testCase.name(), () -> {
            Map<String, Object> fields = testCase.fields();
            InetAddress client = IpAddresses.parse(fields.get("host").toString()).orElseThrow();
            SpfChecker checker = new SpfChecker(testCase.dns(), "checker.example.org",
                Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC));

            SpfVerdict verdict = checker.checkMailFrom(client, fields.get("mailfrom").toString(), fields.get("helo").toString());

            assertThat(verdict.result().keyword())
                .as("result (problem: %s)", verdict.problem().orElse("-"))
                .isIn(expectedResults(fields.get("result")));
            Optional<String> expectedExplanation = Optional.ofNullable(fields.get("explanation")).map(Object::toString);
            if (verdict.result() == SpfResult.FAIL && expectedExplanation.isPresent()) {
                assertThat(verdict.explanation()).isEqualTo(expectedExplanation.filter(text -> !text.equals(DEFAULT_EXPLANATION)));
            }
        });
    }

    private static List<String> expectedResults(Object result) {
        if (result instanceof List<?> results) {
            return results.stream().map(Object::toString).collect(Collectors.toList());
        }
        return List.of(result.toString());
    }

    @SuppressWarnings("unchecked")
    private static List<Case> loadCases() throws IOException {
        try (InputStream yaml = Rfc7208ConformanceTest.class.getResourceAsStream(SUITE)) {
            List<Case> cases = new ArrayList<>();
            for (Object document : new Yaml().loadAll(yaml)) {
                Map<String, Object> scenario = (Map<String, Object>) document;
                ZoneDns dns = ZoneDns.of((Map<String, List<Object>>) scenario.get("zonedata"));
                String description = scenario.get("description").toString();
                ((Map<String, Map<String, Object>>) scenario.get("tests"))
                    .forEach((name, fields) -> cases.add(new Case(description, name, fields, dns)));
            }
            return cases;
        }
    }
}
