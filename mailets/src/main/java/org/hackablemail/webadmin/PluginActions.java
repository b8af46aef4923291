package org.hackablemail.webadmin;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.jetty.http.HttpStatus;
import org.hackablemail.core.Owner;
import org.hackablemail.core.circuit.Circuit;
import org.hackablemail.core.circuit.Fallback;
import org.hackablemail.core.plugins.OwnerPlugins;
import org.hackablemail.core.plugins.PluginStats;
import org.hackablemail.core.plugins.SimulationsFailedException;
import org.hackablemail.core.store.PluginVersion;
import org.hackablemail.plugin.host.PluginRejectedException;
import org.hackablemail.plugin.host.SandboxLimits;
import org.hackablemail.plugin.simulation.Expectation;
import org.hackablemail.plugin.simulation.Scenario;
import org.hackablemail.plugin.simulation.ScenarioResult;
import org.hackablemail.plugin.simulation.SimulationReport;

import com.fasterxml.jackson.databind.JsonNode;

import spark.Request;
import spark.Response;

/**
 * What the admin routes and the guest endpoint both do to one owner's plugin, with the same answers and errors: the
 * two differ only in how they learn the owner and who acts.
 */
final class PluginActions {
    static final int MAX_CONFIG_ENTRIES = 100;
    static final int MAX_CONFIG_VALUE_CHARS = 4096;
    private static final int MAX_CONFIG_BYTES = 1024 * 1024;
    private static final int MAX_FALLBACK_BYTES = 1024;
    private static final String CONFIG_EXAMPLE = "a JSON object of strings, e.g. {\"greeting\": \"Hi\"}";

    /** A plugin version as the routes show it, with what it did since James started (null when it never ran). */
    record VersionDto(String owner, int version, String digest, long size, String pushedAt, String pushedBy,
                      SimulationReport simulations, PluginStats.Snapshot stats) {
        static VersionDto of(PluginVersion version, Map<Integer, PluginStats.Snapshot> stats) {
            return new VersionDto(version.owner().asString(), version.version(), version.digest().hex(), version.size(),
                version.pushedAt().toString(), version.pushedBy(), version.simulations(), stats.get(version.version()));
        }
    }

    /**
     * An owner's plugin: the active version (null when none), how many versions, the configuration, and the circuit
     * breaker's view of it.
     */
    record OwnerDto(String owner, VersionDto active, int versions, Map<String, String> config, CircuitDto circuit) {
    }

    /**
     * The circuit breaker's view of the plugin: suspended since when (null while it runs), the failures in a row and
     * their latest reasons, and the fallback its owner chose.
     */
    record CircuitDto(boolean suspended, String suspendedAt, int failuresInARow, List<String> lastReasons,
                      String fallback) {
        static CircuitDto of(Circuit circuit) {
            return new CircuitDto(circuit.suspended(), circuit.suspendedAt().map(Object::toString).orElse(null),
                circuit.failures(), circuit.lastReasons(), circuit.fallback().label());
        }
    }

    /** The body of a fallback change: {@code {"fallback": "deliver"}} or {@code "spam"}. */
    record FallbackDto(String fallback) {
    }

    private final OwnerPlugins plugins;
    private final int maxModuleBytes;
    private final int maxMessageBytes;

    PluginActions(OwnerPlugins plugins, SandboxLimits limits) {
        this.plugins = plugins;
        this.maxModuleBytes = limits.maxModuleBytes();
        // A message larger than the plugin's input cap is cut as in production: allow some room above it.
        this.maxMessageBytes = (int) Math.min(Integer.MAX_VALUE - 1, 4L * limits.maxInputBytes());
    }

    OwnerDto describe(Owner owner) {
        List<PluginVersion> history = plugins.history(owner);
        Map<Integer, PluginStats.Snapshot> stats = plugins.stats(owner);
        return new OwnerDto(owner.asString(),
            plugins.activeVersion(owner).map(version -> VersionDto.of(version, stats)).orElse(null),
            history.size(), plugins.config(owner), CircuitDto.of(plugins.circuit(owner)));
    }

    /** Sets what becomes of the owner's mail while their plugin is suspended, from {@code {"fallback": ...}}. */
    FallbackDto setFallback(Owner owner, Request request, String actor) {
        FallbackDto body = RequestBodies.json(request, MAX_FALLBACK_BYTES, FallbackDto.class, "The fallback",
            "{\"fallback\": \"deliver\"} or {\"fallback\": \"spam\"}");
        Fallback fallback;
        try {
            fallback = Fallback.parse(String.valueOf(body.fallback()));
        } catch (IllegalArgumentException e) {
            throw RouteErrors.badRequest(e.getMessage());
        }
        plugins.setFallback(owner, fallback, actor);
        return new FallbackDto(fallback.label());
    }


    /** Reads the upload first: once anything asks for a query parameter, the servlet may have consumed a form body. */
    PluginUpload upload(Request request) {
        return PluginUpload.from(request, maxModuleBytes);
    }

    VersionDto push(Owner owner, PluginUpload upload, Response response, String actor,
                    boolean enforceSimulations) {
        try {
            PluginVersion version = plugins.push(owner, upload.wasm(), upload.cases(), actor, enforceSimulations);
            response.status(HttpStatus.CREATED_201);
            return VersionDto.of(version, Map.of());
        } catch (PluginRejectedException e) {
            throw RouteErrors.badRequest("Invalid plugin: " + e.getMessage());
        } catch (SimulationsFailedException e) {
            throw RouteErrors.simulationsFailed(response, e.getMessage(), e.report());
        }
    }

    SimulationReport test(Owner owner, PluginUpload upload) {
        try {
            return plugins.test(owner, upload.wasm(), upload.cases());
        } catch (PluginRejectedException e) {
            throw RouteErrors.badRequest("Invalid plugin: " + e.getMessage());
        }
    }

    /** The active plugin run on the message of the body (an RFC 5322 message, as a .eml file holds it), simulated. */
    ScenarioResult tryOn(Owner owner, Request request) {
        byte[] message = RequestBodies.read(request, maxMessageBytes, "The message");
        if (message.length == 0) {
            throw RouteErrors.badRequest("Send the message to run the plugin on as the body, as a .eml file holds it");
        }
        return plugins.tryOn(owner, new Scenario("your message", message, true, true, Expectation.none()))
            .orElseThrow(() -> RouteErrors.notFound(owner.asString() + " has no active plugin"));
    }

    List<VersionDto> versions(Owner owner) {
        Map<Integer, PluginStats.Snapshot> stats = plugins.stats(owner);
        return plugins.history(owner).stream().map(version -> VersionDto.of(version, stats)).collect(Collectors.toList());
    }

    VersionDto activate(Owner owner, Request request, String actor) {
        int version = versionNumber(request);
        try {
            return VersionDto.of(plugins.activate(owner, version, actor), plugins.stats(owner));
        } catch (IllegalArgumentException e) {
            throw RouteErrors.notFound(owner.asString() + " has no plugin version " + version);
        }
    }

    byte[] module(Owner owner, Request request, Response response) {
        int version = versionNumber(request);
        byte[] wasm = plugins.module(owner, version)
            .orElseThrow(() -> RouteErrors.notFound(owner.asString() + " has no plugin version " + version));
        response.type("application/wasm");
        response.header("Content-Disposition", "attachment; filename=\"plugin-v" + version + ".wasm\"");
        return wasm;
    }

    String delete(Owner owner, Response response, String actor) {
        if (!plugins.delete(owner, actor)) {
            throw RouteErrors.notFound(owner.asString() + " has no plugin");
        }
        response.status(HttpStatus.NO_CONTENT_204);
        return "";
    }

    Map<String, String> config(Owner owner) {
        return plugins.config(owner);
    }

    Map<String, String> setConfig(Owner owner, Request request, String actor) {
        Map<String, String> config = parseConfig(RequestBodies.json(request, MAX_CONFIG_BYTES, JsonNode.class,
            "The configuration", CONFIG_EXAMPLE));
        plugins.setConfig(owner, config, actor);
        return config;
    }

    private static Map<String, String> parseConfig(JsonNode json) {
        if (!json.isObject()) {
            throw RouteErrors.badRequest("The configuration must be " + CONFIG_EXAMPLE);
        }
        if (json.size() > MAX_CONFIG_ENTRIES) {
            throw RouteErrors.badRequest("At most " + MAX_CONFIG_ENTRIES + " configuration keys, not " + json.size());
        }
        Map<String, String> config = new java.util.TreeMap<>();
        json.fields().forEachRemaining(entry -> {
            if (!entry.getValue().isTextual()) {
                throw RouteErrors.badRequest("The value of '" + entry.getKey() + "' must be a string");
            }
            if (entry.getValue().textValue().length() > MAX_CONFIG_VALUE_CHARS) {
                throw RouteErrors.badRequest("The value of '" + entry.getKey() + "' is longer than "
                    + MAX_CONFIG_VALUE_CHARS + " characters");
            }
            config.put(entry.getKey(), entry.getValue().textValue());
        });
        return config;
    }

    private static int versionNumber(Request request) {
        String raw = request.params("version");
        try {
            return Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw RouteErrors.badRequest("'" + raw + "' is not a version number");
        }
    }
}
