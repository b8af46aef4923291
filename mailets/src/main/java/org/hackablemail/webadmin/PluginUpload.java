package org.hackablemail.webadmin;

import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;


import org.apache.james.webadmin.utils.ErrorResponder;
import org.eclipse.jetty.http.HttpStatus;
import org.hackablemail.plugin.simulation.Scenario;
import org.hackablemail.plugin.simulation.SimulationCases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import spark.HaltException;
import spark.Request;

/**
 * A pushed plugin as a request carries it: the raw module ({@code application/wasm} or
 * {@code application/octet-stream}), or {@code application/json} with the module in base64 as {@code plugin} and
 * the owner's simulation cases as {@code cases}. Nothing much larger than the module cap is read.
 */
record PluginUpload(byte[] wasm, List<Scenario> cases) {
    static final String PLUGIN_FIELD = "plugin";
    static final String CASES_FIELD = "cases";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_CASES_BYTES = 1024 * 1024;

    static PluginUpload from(Request request, int maxModuleBytes) {
        // No Content-Type is refused like a wrong one: guessing would read any form or text as a module.
        String contentType = Optional.ofNullable(request.contentType()).orElse("").toLowerCase(Locale.ROOT);
        if (contentType.startsWith("application/json")) {
            return fromJson(request, maxModuleBytes);
        }
        if (contentType.startsWith("application/wasm") || contentType.startsWith("application/octet-stream")) {
            return new PluginUpload(body(request, maxModuleBytes), List.of());
        }
        throw RouteErrors.error(HttpStatus.UNSUPPORTED_MEDIA_TYPE_415, ErrorResponder.ErrorType.INVALID_ARGUMENT,
            (request.contentType() == null ? "No Content-Type" : "Unsupported Content-Type '" + request.contentType() + "'")
                + ": send the module as application/wasm, or as "
                + "application/json {\"plugin\": base64, \"cases\": [...]}");
    }

    /** {@code {"plugin": "<base64 module>", "cases": [...]}}: the module with the owner's simulation cases. */
    private static PluginUpload fromJson(Request request, int maxModuleBytes) {
        JsonNode json = RequestBodies.json(body(request, maxModuleBytes * 4 / 3 + 4 + MAX_CASES_BYTES), JsonNode.class,
            "The request", "{\"" + PLUGIN_FIELD + "\": \"<the module in base64>\", \"" + CASES_FIELD + "\": [...]}");
        if (!json.path(PLUGIN_FIELD).isTextual()) {
            throw RouteErrors.badRequest("The JSON request needs \"" + PLUGIN_FIELD
                + "\": the module in base64, and optionally \"" + CASES_FIELD + "\": the simulation cases");
        }
        byte[] wasm;
        try {
            wasm = Base64.getDecoder().decode(json.path(PLUGIN_FIELD).textValue());
        } catch (IllegalArgumentException e) {
            throw RouteErrors.badRequest("\"" + PLUGIN_FIELD + "\" is not base64: " + e.getMessage());
        }
        if (wasm.length > maxModuleBytes) {
            throw tooLarge(wasm.length, maxModuleBytes);
        }
        JsonNode cases = json.path(CASES_FIELD);
        try {
            return new PluginUpload(wasm, cases.isMissingNode() ? List.of()
                : SimulationCases.parse(MAPPER.writeValueAsBytes(cases)));
        } catch (IllegalArgumentException | IOException e) {
            throw RouteErrors.badRequest(e.getMessage());
        }
    }

    private static byte[] body(Request request, int maxBytes) {
        return RequestBodies.read(request, maxBytes, size -> tooLarge(size, maxBytes));
    }

    private static HaltException tooLarge(long size, int maxBytes) {
        return RouteErrors.error(HttpStatus.PAYLOAD_TOO_LARGE_413, ErrorResponder.ErrorType.INVALID_ARGUMENT,
            "The plugin is " + (size > 0 ? size + " bytes" : "too large") + "; the limit is " + maxBytes
                + " bytes (plugin.module.max)");
    }
}
