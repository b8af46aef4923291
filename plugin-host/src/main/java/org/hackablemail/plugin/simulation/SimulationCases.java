package org.hackablemail.plugin.simulation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An owner's own simulation cases, as JSON: a list of cases, each a raw message with what the plugin should do.
 * <pre>{@code
 * [{"name": "vacation",
 *   "email": "From: alice@example.org\r\nSubject: Hello\r\n\r\nAre you there?\r\n",
 *   "deliverFails": false, "replyFails": false,
 *   "expect": {"returnCode": 0, "deliver": true, "reply": true}}]
 * }</pre>
 * Only {@code name} and {@code email} are required.
 */
public final class SimulationCases {
    public static final int MAX_CASES = 20;

    private static final ObjectMapper MAPPER = new ObjectMapper()
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** One case as written in the JSON. */
    public record Case(String name, String email, boolean deliverFails, boolean replyFails, Expectation expect) {

        public Scenario toScenario() {
            return new Scenario(name, email.getBytes(StandardCharsets.UTF_8), !deliverFails, !replyFails,
                Optional.ofNullable(expect).orElse(Expectation.none()));
        }
    }

    private SimulationCases() {
    }

    /**
     * @throws IllegalArgumentException saying what is wrong, fit to show to the owner
     */
    public static List<Scenario> parse(byte[] json) {
        Case[] cases;
        try {
            cases = MAPPER.readValue(json, Case[].class);
        } catch (IOException e) {
            throw new IllegalArgumentException("The simulation cases are not a JSON list of cases: "
                + originalMessage(e));
        }
        if (cases == null) {
            throw new IllegalArgumentException("The simulation cases are not a JSON list of cases");
        }
        if (cases.length > MAX_CASES) {
            throw new IllegalArgumentException("At most " + MAX_CASES + " simulation cases, not " + cases.length);
        }
        List<Scenario> scenarios = new ArrayList<>();
        for (int i = 0; i < cases.length; i++) {
            Case simulationCase = cases[i];
            if (simulationCase == null || isBlank(simulationCase.name()) || isBlank(simulationCase.email())) {
                throw new IllegalArgumentException("Simulation case " + (i + 1) + " needs a \"name\" and an \"email\"");
            }
            scenarios.add(simulationCase.toScenario());
        }
        return scenarios;
    }

    /** The cases as JSON, as {@link #parse} reads them. */
    public static byte[] toJson(List<Case> cases) {
        try {
            return MAPPER.writeValueAsBytes(cases);
        } catch (IOException e) {
            throw new IllegalStateException("Simulation cases are always serializable", e);
        }
    }

    private static String originalMessage(IOException e) {
        return e instanceof JsonProcessingException processing
            ? processing.getOriginalMessage() : e.getMessage();
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
