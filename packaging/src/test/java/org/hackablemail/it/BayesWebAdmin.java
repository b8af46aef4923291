package org.hackablemail.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The {@code /hackable/bayes} routes as the end-to-end tests call them. */
final class BayesWebAdmin {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;
    private final String token;

    BayesWebAdmin(int port, String token) {
        this.base = URI.create("http://127.0.0.1:" + port + "/hackable/bayes");
        this.token = token;
    }

    HttpResponse<String> train(String label, String body) throws IOException, InterruptedException {
        return send("/train?label=" + label, "POST", body);
    }

    HttpResponse<String> reset() throws IOException, InterruptedException {
        return send("", "DELETE", "");
    }

    HttpResponse<String> export() throws IOException, InterruptedException {
        return send("/export", "GET", "");
    }

    HttpResponse<String> importExport(String export) throws IOException, InterruptedException {
        return send("/export", "PUT", export);
    }

    JsonNode statistics() throws IOException, InterruptedException {
        return JSON.readTree(send("", "GET", "").body());
    }

    /** Teaches the made-up corpus: enough spam and ham for verdicts. */
    void trainCorpus() throws IOException, InterruptedException {
        expectOk(train("spam", BayesCorpus.spamMbox()));
        expectOk(train("ham", BayesCorpus.hamMbox(0, BayesCorpus.TRAINING_SIZE)));
    }

    static void expectOk(HttpResponse<String> response) throws IOException {
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + ": " + response.body());
        }
    }

    private HttpResponse<String> send(String path, String method, String body) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher publisher = body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(URI.create(base + path))
            .method(method, publisher)
            .header("Authorization", "Bearer " + token)
            .build(), HttpResponse.BodyHandlers.ofString());
    }
}
