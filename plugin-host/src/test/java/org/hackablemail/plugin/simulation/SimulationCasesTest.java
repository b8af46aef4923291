package org.hackablemail.plugin.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class SimulationCasesTest {

    @Test
    void shouldReadCasesWithTheirExpectationsAndMockHostAnswers() {
        List<Scenario> scenarios = SimulationCases.parse(json("""
            [{"name": "away", "email": "Subject: Hi\\r\\n\\r\\nHello\\r\\n", "replyFails": true,
              "expect": {"returnCode": 0, "reply": false}}]"""));

        assertThat(scenarios).singleElement().satisfies(scenario -> {
            assertThat(scenario.name()).isEqualTo("away");
            assertThat(scenario.message()).asString(StandardCharsets.UTF_8).isEqualTo("Subject: Hi\r\n\r\nHello\r\n");
            assertThat(scenario.deliverSucceeds()).isTrue();
            assertThat(scenario.replySucceeds()).isFalse();
            assertThat(scenario.expect()).isEqualTo(new Expectation(0, null, false));
        });
    }

    @Test
    void shouldRoundTripWhenWrittenAsJson() {
        SimulationCases.Case away = new SimulationCases.Case("away", "Subject: Hi\r\n\r\nHello\r\n", false, true,
            new Expectation(0, true, false));

        assertThat(SimulationCases.parse(SimulationCases.toJson(List.of(away))))
            .singleElement().usingRecursiveComparison().isEqualTo(away.toScenario());
    }

    @Test
    void parseShouldThrowWhenCaseHasNoEmail() {
        assertThatThrownBy(() -> SimulationCases.parse(json("[{\"name\": \"x\"}]")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("Simulation case 1 needs a \"name\" and an \"email\"");
    }

    @Test
    void parseShouldThrowWhenJsonIsNotAList() {
        assertThatThrownBy(() -> SimulationCases.parse(json("{\"name\": \"x\"}")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("The simulation cases are not a JSON list of cases: ");
    }

    @Test
    void parseShouldThrowWhenAnExpectationIsMisspelled() {
        assertThatThrownBy(() -> SimulationCases.parse(json(
                "[{\"name\": \"x\", \"email\": \"Subject: a\\r\\n\\r\\n\", \"expect\": {\"retrunCode\": 0}}]")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("retrunCode");
    }

    @Test
    void parseShouldThrowWhenThereAreTooManyCases() {
        String many = "[" + String.join(",", java.util.Collections.nCopies(SimulationCases.MAX_CASES + 1,
            "{\"name\": \"x\", \"email\": \"Subject: a\\r\\n\\r\\n\"}")) + "]";

        assertThatThrownBy(() -> SimulationCases.parse(json(many)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("At most 20 simulation cases, not 21");
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
