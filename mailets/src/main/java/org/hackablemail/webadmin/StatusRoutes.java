package org.hackablemail.webadmin;

import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.JsonTransformer;
import org.hackablemail.config.BundleVersion;
import org.hackablemail.config.HackableMailConfiguration;
import org.hackablemail.core.Owner;
import org.hackablemail.core.circuit.CircuitBreaker;
import org.hackablemail.core.store.StorageUnavailableException;
import org.hackablemail.health.BundleHealth;
import org.hackablemail.metrics.BundleMetrics;

import spark.Request;
import spark.Response;
import spark.Service;

/**
 * {@code GET /hackable/status}: the bundle's version, the configuration in effect, each component's health, and the
 * owners whose plugin the circuit breaker suspended.
 * Listed in {@code webadmin.properties} as {@code extensions.routes=org.hackablemail.webadmin.StatusRoutes}.
 */
public class StatusRoutes implements Routes {
    public static final String BASE_PATH = "/hackable";
    public static final String STATUS_PATH = BASE_PATH + "/status";

    /**
     * The JSON body of the status route; {@code metrics}: the bundle's counters and gauges since James started, as
     * James exports them ({@code docs/metrics.md}); {@code suspendedPlugins}: the owners whose plugin the circuit
     * breaker suspended, {@code null} while the storage does not answer (the status must still show that).
     */
    public record Status(String version, boolean healthy, ConfigurationStatus configuration,
                         List<BundleHealth.Check> components, Map<String, Number> metrics,
                         List<String> suspendedPlugins) {
    }

    public record ConfigurationStatus(String source, Map<String, String> values) {
    }

    private final HackableMailConfiguration configuration;
    private final BundleHealth bundleHealth;
    private final BundleMetrics metrics;
    private final CircuitBreaker circuits;
    private final JsonTransformer jsonTransformer;

    @Inject
    public StatusRoutes(HackableMailConfiguration configuration, BundleHealth bundleHealth, BundleMetrics metrics,
                        CircuitBreaker circuits, JsonTransformer jsonTransformer) {
        this.configuration = configuration;
        this.bundleHealth = bundleHealth;
        this.metrics = metrics;
        this.circuits = circuits;
        this.jsonTransformer = jsonTransformer;
    }

    @Override
    public String getBasePath() {
        return BASE_PATH;
    }

    @Override
    public void define(Service service) {
        service.get(STATUS_PATH, this::status, jsonTransformer);
    }

    private Status status(Request request, Response response) {
        List<BundleHealth.Check> components = bundleHealth.check();
        boolean healthy = components.stream().allMatch(BundleHealth.Check::healthy);
        return new Status(BundleVersion.current(), healthy,
            new ConfigurationStatus(configuration.source(), configuration.valuesInEffect()),
            components, metrics.summary(), suspendedPlugins());
    }

    private List<String> suspendedPlugins() {
        try {
            return circuits.suspendedOwners().stream().map(Owner::asString).sorted().toList();
        } catch (StorageUnavailableException e) {
            return null;
        }
    }
}
