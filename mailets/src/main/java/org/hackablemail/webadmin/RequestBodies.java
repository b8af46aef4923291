package org.hackablemail.webadmin;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.LongFunction;

import org.apache.james.webadmin.utils.ErrorResponder;
import org.apache.james.webadmin.utils.JsonExtractException;
import org.apache.james.webadmin.utils.JsonExtractor;
import org.eclipse.jetty.http.HttpStatus;

import com.fasterxml.jackson.databind.JsonNode;

import spark.HaltException;
import spark.Request;

/**
 * Reads request bodies without ever holding much more than a limit, whatever Content-Length says: the one way the
 * bundle's routes read what clients send. JSON bodies go through James's {@link JsonExtractor}.
 */
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

    /** A body of at most {@code maxBytes}, the 413 naming {@code what}. */
    static byte[] read(Request request, int maxBytes, String what) {
        return read(request, maxBytes, size -> RouteErrors.error(HttpStatus.PAYLOAD_TOO_LARGE_413,
            ErrorResponder.ErrorType.INVALID_ARGUMENT, what + " is larger than " + maxBytes + " bytes"));
    }

    /**
     * A JSON body of at most {@code maxBytes} read as {@code type}; a 400 naming {@code what} and saying what is
     * expected when it is not such JSON.
     */
    static <T> T json(Request request, int maxBytes, Class<T> type, String what, String expected) {
        return json(read(request, maxBytes, what), type, what, expected);
    }

    /** A body already read within its limit, as JSON of {@code type}. */
    static <T> T json(byte[] body, Class<T> type, String what, String expected) {
        T parsed;
        try {
            parsed = new JsonExtractor<>(type).parse(new String(body, StandardCharsets.UTF_8));
        } catch (JsonExtractException e) {
            throw RouteErrors.badRequest(what + " is not valid JSON: " + expected);
        }
        if (parsed == null || parsed instanceof JsonNode node && node.isMissingNode()) {
            throw RouteErrors.badRequest(what + " is empty: " + expected);
        }
        return parsed;
    }

    /**
     * The body as a stream that fails with {@code tooLarge} once more than {@code maxBytes} are read, for bodies
     * consumed as they arrive (an import, an upload copied to disk).
     */
    static InputStream capped(Request request, long maxBytes, LongFunction<HaltException> tooLarge) {
        if (request.contentLength() > maxBytes) {
            throw tooLarge.apply(request.contentLength());
        }
        try {
            return new CappedInputStream(request.raw().getInputStream(), maxBytes, tooLarge);
        } catch (IOException e) {
            throw RouteErrors.badRequest("Cannot read the request body: " + e.getMessage());
        }
    }

    private static final class CappedInputStream extends FilterInputStream {
        private final long maxBytes;
        private final LongFunction<HaltException> tooLarge;
        private long count;

        CappedInputStream(InputStream in, long maxBytes, LongFunction<HaltException> tooLarge) {
            super(in);
            this.maxBytes = maxBytes;
            this.tooLarge = tooLarge;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            int read = super.read(bytes, offset, length);
            if (read > 0) {
                counted(read);
            }
            return read;
        }

        private void counted(int bytes) {
            count += bytes;
            if (count > maxBytes) {
                throw tooLarge.apply(-1);
            }
        }
    }
}
