package org.hackablemail.cli.plugin;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Calls the server's guest endpoint ({@code /hackable-guest}) with a push token, or its admin routes with an admin
 * token; a refusal becomes a {@link CliFailure} with its message.
 */
final class GuestClient {
    static final String BASE_PATH = "/hackable-guest";
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI server;
    private final String basePath;
    private final Optional<String> token;

    GuestClient(URI server, String token) {
        this(server, BASE_PATH, Optional.of(token));
    }

    private GuestClient(URI server, String basePath, Optional<String> token) {
        this.server = server;
        this.basePath = basePath;
        this.token = token;
    }

    /** For redeeming an invite, the one call without a token. */
    static GuestClient anonymous(URI server) {
        return new GuestClient(server, BASE_PATH, Optional.empty());
    }

    /** James's webadmin with an administrator's JSON Web Token: paths start at the server's root. */
    static GuestClient admin(URI server, String adminToken) {
        return new GuestClient(server, "", Optional.of(adminToken));
    }

    JsonNode get(String path) throws CliFailure {
        return send(request(path).GET());
    }

    JsonNode put(String path, byte[] body, String contentType) throws CliFailure {
        return send(request(path).PUT(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", contentType));
    }

    JsonNode post(String path, byte[] body, String contentType) throws CliFailure {
        return send(request(path).POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", contentType));
    }

    JsonNode delete(String path) throws CliFailure {
        return send(request(path).DELETE());
    }

    private HttpRequest.Builder request(String path) throws CliFailure {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(server.toString().replaceAll("/+$", "") + basePath + path));
        } catch (IllegalArgumentException e) {
            throw new CliFailure("'" + server + "' is not a server URL such as http://localhost:8000", CliFailure.UNAVAILABLE);
        }
        token.ifPresent(value -> request.header("Authorization", "Bearer " + value));
        return request.timeout(TIMEOUT);
    }

    private JsonNode send(HttpRequest.Builder request) throws CliFailure {
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new CliFailure("cannot reach " + server + ": " + e, CliFailure.UNAVAILABLE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure("interrupted", CliFailure.UNAVAILABLE);
        }
        JsonNode body = parse(response.body());
        if (response.statusCode() / 100 != 2) {
            throw new ServerRefusal(response.statusCode(), body);
        }
        return body;
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MAPPER.nullNode();
        }
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            return MAPPER.getNodeFactory().textNode(body);
        }
    }

    /** The server said no: its status and JSON error, whose message is shown, and a simulation report if any. */
    static final class ServerRefusal extends CliFailure {
        private final transient JsonNode body;
        private final int status;

        ServerRefusal(int status, JsonNode body) {
            super("the server refused (HTTP " + status + "): " + Optional.ofNullable(body.get("message"))
                .map(JsonNode::asText).orElse(body.isTextual() ? body.textValue() : body.toString()),
                status >= 500 ? UNAVAILABLE : REFUSED);
            this.body = body;
            this.status = status;
        }

        int status() {
            return status;
        }

        Optional<JsonNode> simulations() {
            return Optional.ofNullable(body.get("simulations"));
        }
    }
}
