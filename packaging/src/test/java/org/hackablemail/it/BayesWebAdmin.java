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
    private final URI tasks;
    private final String token;

    BayesWebAdmin(int port, String token) {
        this.base = URI.create("http://127.0.0.1:" + port + "/hackable/bayes");
        this.tasks = URI.create("http://127.0.0.1:" + port + "/tasks");
        this.token = token;
    }

    /** Starts a training task: 201 with its id, or an error. */
    HttpResponse<String> train(String label, String body) throws IOException, InterruptedException {
        return send("/train?label=" + label, "POST", body);
    }

    /** Runs a training task to its end and returns its final state, as {@code /tasks/{id}/await} gives it. */
    JsonNode trainAndAwait(String query, String body) throws IOException, InterruptedException {
        return awaitTask(send("/train?" + query, "POST", body));
    }

    /** Runs the INBOX sweep ({@code learn-inbox}) to its end and returns its final state. */
    JsonNode learnInboxAndAwait(String after) throws IOException, InterruptedException {
        return awaitTask(send("/learn-inbox?after=" + after, "POST", ""));
    }

    private JsonNode awaitTask(HttpResponse<String> started) throws IOException, InterruptedException {
        if (started.statusCode() != 201) {
            throw new IOException("HTTP " + started.statusCode() + ": " + started.body());
        }
        String taskId = JSON.readTree(started.body()).get("taskId").asText();
        HttpResponse<String> done = http.send(HttpRequest.newBuilder(URI.create(tasks + "/" + taskId + "/await"))
            .header("Authorization", "Bearer " + token)
            .build(), HttpResponse.BodyHandlers.ofString());
        JsonNode task = JSON.readTree(done.body());
        if (!task.path("status").asText().equals("completed")) {
            throw new IOException("Task " + taskId + " ended " + done.body());
        }
        return task;
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

    /** What one trained message teaches, or a 404 body when it was never trained. */
    HttpResponse<String> entry(String user, String messageId) throws IOException, InterruptedException {
        return send("/messages?user=" + user + "&messageId=" + messageId, "GET", "");
    }

    /** What the user's personal layer learnt. */
    JsonNode layer(String user) throws IOException, InterruptedException {
        return JSON.readTree(send("/users/" + user, "GET", "").body());
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    JsonNode statistics() throws IOException, InterruptedException {
        return JSON.readTree(send("", "GET", "").body());
    }

    /** Teaches the made-up corpus: enough spam and ham for verdicts. */
    void trainCorpus() throws IOException, InterruptedException {
        trainAndAwait("label=spam", BayesCorpus.spamMbox());
        trainAndAwait("label=ham", BayesCorpus.hamMbox(0, BayesCorpus.TRAINING_SIZE));
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
