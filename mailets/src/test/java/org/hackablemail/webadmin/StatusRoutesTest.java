package org.hackablemail.webadmin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.james.metrics.api.NoopGaugeRegistry;
import org.apache.james.metrics.tests.RecordingMetricFactory;
import org.apache.james.webadmin.utils.JsonTransformer;
import org.eclipse.jetty.http.HttpStatus;
import org.hackablemail.config.HackableMailConfiguration;
import org.hackablemail.core.Owner;
import org.hackablemail.core.cache.RefreshPolicy;
import org.hackablemail.core.circuit.Circuit;
import org.hackablemail.core.circuit.CircuitBreaker;
import org.hackablemail.core.circuit.CircuitStore;
import org.hackablemail.core.store.StorageUnavailableException;
import org.hackablemail.health.BundleHealth;
import org.hackablemail.metrics.BundleMetrics;
import org.hackablemail.plugin.host.PluginFailure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.restassured.specification.RequestSpecification;

/** {@link StatusRoutes} on its own. */
class StatusRoutesTest {
    @TempDir
    Path directory;

    private RoutesFixture fixture;
    private BundleMetrics metrics;
    private RequestSpecification http;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new RoutesFixture(directory);
        metrics = new BundleMetrics(new RecordingMetricFactory(), new NoopGaugeRegistry());
        http = fixture.start(new StatusRoutes(HackableMailConfiguration.defaults(directory), new BundleHealth(Set.of()),
            metrics, fixture.onDisk.circuits(), new JsonTransformer()));
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void statusShouldSummarizeTheBundlesMetrics() {
        metrics.counter("hackablemail.plugin.runs").add(3);
        metrics.gauge("hackablemail.sandbox.queue_depth", () -> 2);

        given(http).get("/hackable/status")
        .then()
            .statusCode(HttpStatus.OK_200)
            .body("version", notNullValue())
            .body("healthy", equalTo(true))
            .body("metrics.'hackablemail.plugin.runs'", equalTo(3))
            .body("metrics.'hackablemail.sandbox.queue_depth'", equalTo(2));
    }

    @Test
    void statusShouldListTheOwnersWhosePluginIsSuspended() {
        for (String sender : List.of("a@x.example", "b@y.example", "c@z.example", "a@x.example", "b@y.example")) {
            fixture.onDisk.circuits().record(RoutesFixture.BOB, sender,
                Optional.of(new PluginFailure(PluginFailure.Reason.TRAP, "unreachable")));
        }

        given(http).get("/hackable/status")
        .then()
            .statusCode(HttpStatus.OK_200)
            .body("suspendedPlugins", equalTo(List.of(RoutesFixture.BOB.asString())));
    }

    @Test
    void statusShouldStillReportWhenTheCircuitStoreDoesNotAnswer() throws Exception {
        CircuitStore down = new CircuitStore() {
            @Override
            public Circuit read(Owner owner) {
                throw new StorageUnavailableException("Cassandra does not answer", null);
            }

            @Override
            public boolean commit(Owner owner, long expectedVersion, Circuit next) {
                throw new StorageUnavailableException("Cassandra does not answer", null);
            }

            @Override
            public void delete(Owner owner) {
                throw new StorageUnavailableException("Cassandra does not answer", null);
            }

            @Override
            public List<Owner> suspended() {
                throw new StorageUnavailableException("Cassandra does not answer", null);
            }
        };
        fixture.close();
        fixture = new RoutesFixture(directory);
        http = fixture.start(new StatusRoutes(HackableMailConfiguration.defaults(directory), new BundleHealth(Set.of()),
            metrics, new CircuitBreaker(down, CircuitBreaker.Settings.DEFAULT, Clock.systemUTC(),
                new RefreshPolicy(Duration.ofSeconds(5), Clock.systemUTC(), Runnable::run)),
            new JsonTransformer()));

        given(http).get("/hackable/status")
        .then()
            .statusCode(HttpStatus.OK_200)
            .body("version", notNullValue())
            .body("suspendedPlugins", nullValue());
    }
}
