package org.hackablemail.webadmin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.hackablemail.plugin.host.SandboxBusyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import spark.Service;

/** The answers {@link RouteErrors} installs for what a route throws, over real HTTP on loopback. */
class RouteErrorsTest {
    private Service service;

    @BeforeEach
    void setUp() {
        service = Service.ignite().ipAddress("127.0.0.1").port(0);
        RouteErrors.answerStorageOutages(service);
        RouteErrors.answerBusySandbox(service);
        service.post("/busy", (request, response) -> {
            throw new SandboxBusyException("The pushes and tests of bob@example.org used their hour's allowance");
        });
        service.awaitInitialization();
    }

    @AfterEach
    void tearDown() {
        service.stop();
        service.awaitStop();
    }

    @Test
    void aRouteShouldAnswer429WithTheReasonWhenTheSandboxIsBusy() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + service.port() + "/busy"))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
            assertThat(type).startsWith("application/json"));
        JsonNode body = new ObjectMapper().readTree(response.body());
        assertThat(body.path("statusCode").asInt()).isEqualTo(429);
        assertThat(body.path("type").asText()).isEqualTo("InvalidArgument");
        assertThat(body.path("message").asText())
            .isEqualTo("The pushes and tests of bob@example.org used their hour's allowance");
    }
}
