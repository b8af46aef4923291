package org.hackablemail.webadmin;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongFunction;

import spark.HaltException;
import spark.Request;

/** Reads request bodies without ever holding much more than a limit, whatever Content-Length says. */
final class RequestBodies {
    private RequestBodies() {
    }

    /**
     * @param tooLarge the error to answer when the body is over the limit, given its size (-1 when unknown)
     */
    static byte[] read(Request request, int maxBytes, LongFunction<HaltException> tooLarge) {
        if (request.contentLength() > maxBytes) {
            throw tooLarge.apply(request.contentLength());
        }
        try (InputStream body = request.raw().getInputStream()) {
            byte[] bytes = body.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw tooLarge.apply(-1);
            }
            return bytes;
        } catch (IOException e) {
            throw RouteErrors.badRequest("Cannot read the request body: " + e.getMessage());
        }
    }
}
