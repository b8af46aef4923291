package org.hackablemail.webadmin;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.james.webadmin.utils.ErrorResponder;
import org.eclipse.jetty.http.HttpStatus;
import org.hackablemail.core.store.StorageUnavailableException;
import org.hackablemail.plugin.simulation.SimulationReport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import spark.HaltException;
import spark.Response;
import spark.Service;
import spark.Spark;

/** The JSON errors of the bundle's routes, in James's webadmin style ({@code statusCode}, {@code type}, {@code message}). */
final class RouteErrors {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RouteErrors() {
    }

    static HaltException badRequest(String message) {
        return error(HttpStatus.BAD_REQUEST_400, ErrorResponder.ErrorType.INVALID_ARGUMENT, message);
    }

    static HaltException notFound(String message) {
        return error(HttpStatus.NOT_FOUND_404, ErrorResponder.ErrorType.NOT_FOUND, message);
    }

    static HaltException error(int status, ErrorResponder.ErrorType type, String message) {
        return ErrorResponder.builder()
            .statusCode(status)
            .type(type)
            .message(message)
            .haltError();
    }

    /**
     * Makes every route of the service answer a storage outage with a 503 naming the cause, in the same JSON: the
     * bundle's state is out of reach for now, the request may be tried again. Spark keeps one handler per exception
     * class for the whole webadmin server, so each of our route classes may install it.
     */
    static void answerStorageOutages(Service service) {
        service.exception(StorageUnavailableException.class, (exception, request, response) -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("statusCode", HttpStatus.SERVICE_UNAVAILABLE_503);
            body.put("type", ErrorResponder.ErrorType.SERVER_ERROR.getType());
            body.put("message", "The storage is unavailable: " + exception.getMessage());
            body.put("details", String.valueOf(exception.getCause()));
            response.status(HttpStatus.SERVICE_UNAVAILABLE_503);
            response.type("application/json");
            response.body(json(body));
        });
    }

    /** A 400 whose body also carries the simulation report, so that the author sees every failed scenario. */
    static HaltException simulationsFailed(Response response, String message, SimulationReport report) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("statusCode", HttpStatus.BAD_REQUEST_400);
        body.put("type", ErrorResponder.ErrorType.INVALID_ARGUMENT.getType());
        body.put("message", message);
        body.put("details", report.summary());
        body.put("simulations", report);
        response.type("application/json");
        return Spark.halt(HttpStatus.BAD_REQUEST_400, json(body));
    }

    private static String json(Map<String, Object> body) {
        try {
            return MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An error body is always serializable", e);
        }
    }
}
