package org.hackablemail.webadmin;

import java.util.function.Function;
import java.util.function.LongFunction;

import org.apache.james.webadmin.utils.ErrorResponder;
import org.eclipse.jetty.http.HttpStatus;
import org.hackablemail.core.store.StorageUnavailableException;
import org.hackablemail.plugin.host.SandboxBusyException;
import org.hackablemail.plugin.simulation.SimulationReport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

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

    /** A 413 for a body over the training upload cap ({@code bayes.training.upload.max}), given its size or -1. */
    static LongFunction<HaltException> tooLarge(String what, long maxBytes) {
        return size -> error(HttpStatus.PAYLOAD_TOO_LARGE_413, ErrorResponder.ErrorType.INVALID_ARGUMENT,
            what + " is " + (size > 0 ? size + " bytes" : "too large") + "; the limit is " + maxBytes
                + " bytes (bayes.training.upload.max)");
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
        answer(service, StorageUnavailableException.class, HttpStatus.SERVICE_UNAVAILABLE_503, exception ->
            ErrorResponder.builder()
                .type(ErrorResponder.ErrorType.SERVER_ERROR)
                .message("The storage is unavailable: " + exception.getMessage())
                .cause(exception.getCause() instanceof Exception cause ? cause : exception));
    }

    /**
     * Makes the routes that compile or simulate plugins answer a busy sandbox (the owner's hourly allowance spent, no
     * worker free in time) with a 429 naming when to try again.
     */
    static void answerBusySandbox(Service service) {
        answer(service, SandboxBusyException.class, HttpStatus.TOO_MANY_REQUESTS_429, exception ->
            ErrorResponder.builder()
                .type(ErrorResponder.ErrorType.INVALID_ARGUMENT)
                .message(exception.getMessage()));
    }

    /** Answers every {@code exceptionClass} thrown by a route of the service with {@code status} and its JSON error. */
    private static <E extends Exception> void answer(Service service, Class<E> exceptionClass, int status,
                                                     Function<E, ErrorResponder> error) {
        service.exception(exceptionClass, (exception, request, response) -> {
            response.status(status);
            response.type("application/json");
            response.body(error.apply(exception).statusCode(status).asString());
        });
    }

    /**
     * A 400 as James's {@link ErrorResponder} writes it ({@code details}: the failed scenarios, a line each), whose
     * body also carries the whole simulation report, so that the author sees every scenario.
     */
    static HaltException simulationsFailed(Response response, String message, SimulationReport report) {
        response.type("application/json");
        try {
            ObjectNode body = (ObjectNode) MAPPER.readTree(ErrorResponder.builder()
                .statusCode(HttpStatus.BAD_REQUEST_400)
                .type(ErrorResponder.ErrorType.INVALID_ARGUMENT)
                .message(message)
                .cause(new SimulationsSummary(report.summary()))
                .asString());
            body.set("simulations", MAPPER.valueToTree(report));
            return Spark.halt(HttpStatus.BAD_REQUEST_400, MAPPER.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An error body is always serializable", e);
        }
    }

    /** Carries the failed scenarios into {@link ErrorResponder}'s {@code details}. */
    private static final class SimulationsSummary extends Exception {
        SimulationsSummary(String summary) {
            super(summary, null, false, false);
        }
    }
}
