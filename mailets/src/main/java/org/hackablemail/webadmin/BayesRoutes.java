package org.hackablemail.webadmin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.JsonTransformer;
import org.eclipse.jetty.http.HttpStatus;
import org.hackablemail.bayes.BayesianFilter;
import org.hackablemail.bayes.model.CountTable;
import org.hackablemail.bayes.model.ModelStatistics;
import org.hackablemail.bayes.store.InvalidExportException;
import org.hackablemail.bayes.store.Scope;
import org.hackablemail.bayes.store.Source;
import org.hackablemail.bayes.store.TrainingEntry;
import org.hackablemail.bayes.store.TrainingKey;
import org.hackablemail.spam.SpamFilter;

import spark.Request;
import spark.Response;
import spark.Service;

/**
 * Admin routes of the Bayesian filter's model (docs/webadmin.md); training runs as tasks, see
 * {@link BayesTrainingRoutes}.
 * <ul>
 *   <li>{@code GET /hackable/bayes}: the shared model's messages and tokens, trained messages, personal layers.</li>
 *   <li>{@code DELETE /hackable/bayes}: forgets everything, every user's layer included; 204.</li>
 *   <li>{@code GET|PUT /hackable/bayes/export}: the shared model's counts in their portable format; an import replaces
 *       everything (400 when malformed, store untouched; 413 over {@code bayes.training.upload.max}).</li>
 *   <li>{@code GET /hackable/bayes/users/{user}}: what the user's personal layer learnt.</li>
 *   <li>{@code GET|DELETE /hackable/bayes/messages?user=&messageId=|sha256=}: what one trained message teaches, and
 *       untraining it (404 when it teaches nothing).</li>
 *   <li>{@code POST /hackable/bayes/untrain[?user=]}: untrains the message in the body, recognized by its bytes.</li>
 * </ul>
 * Listed in {@code webadmin.properties} as {@code extensions.routes=org.hackablemail.webadmin.BayesRoutes}.
 */
public class BayesRoutes implements Routes {
    public static final String BASE_PATH = "/hackable/bayes";
    private static final String EXPORT_PATH = BASE_PATH + "/export";
    private static final String USER_PATH = BASE_PATH + "/users/:user";
    private static final String MESSAGES_PATH = BASE_PATH + "/messages";
    private static final String UNTRAIN_PATH = BASE_PATH + "/untrain";

    /** The model as {@code GET /hackable/bayes} shows it. */
    public record StatisticsDto(long spamMessages, long hamMessages, String lastTrained, long tokens, long spamTokens,
                                long hamTokens, long trainedMessages, long promotedMessages, long usersWithLayers,
                                long layersInMemory, long sizeInBytes) {
        static StatisticsDto of(ModelStatistics statistics, long sizeInBytes) {
            return new StatisticsDto(statistics.spamMessages(), statistics.hamMessages(),
                statistics.lastTrained().map(Object::toString).orElse(null), statistics.distinctTokens(),
                statistics.spamTokens(), statistics.hamTokens(), statistics.trainedMessages(),
                statistics.promotedMessages(), statistics.usersWithLayers(), statistics.layersInMemory(), sizeInBytes);
        }
    }

    /** One user's personal layer. */
    public record LayerDto(String user, long spamMessages, long hamMessages, long tokens) {
    }

    /** One trained message. */
    public record EntryDto(String user, String message, String state, String source, Instant updated, long revision,
                           int tokens) {
        static EntryDto of(TrainingEntry entry) {
            Scope scope = entry.key().scope();
            return new EntryDto(scope.isShared() ? null : scope.user(), entry.key().message(),
                entry.state().name().toLowerCase(Locale.ROOT), entry.source().label(), entry.updated(), entry.revision(),
                entry.teaching().tokens().size());
        }
    }

    private final SpamFilter spamFilter;
    private final JsonTransformer jsonTransformer;

    @Inject
    public BayesRoutes(SpamFilter spamFilter, JsonTransformer jsonTransformer) {
        this.spamFilter = spamFilter;
        this.jsonTransformer = jsonTransformer;
    }

    @Override
    public String getBasePath() {
        return BASE_PATH;
    }

    @Override
    public void define(Service service) {
        RouteErrors.answerStorageOutages(service);
        service.get(BASE_PATH, (request, response) -> statistics(), jsonTransformer);
        service.delete(BASE_PATH, this::reset);
        service.get(EXPORT_PATH, this::export);
        service.put(EXPORT_PATH, this::importExport, jsonTransformer);
        service.get(USER_PATH, this::layer, jsonTransformer);
        service.get(MESSAGES_PATH, (request, response) -> EntryDto.of(teaching(filter().entry(key(request)))),
            jsonTransformer);
        service.delete(MESSAGES_PATH, (request, response) -> forget(key(request)), jsonTransformer);
        service.post(UNTRAIN_PATH, this::untrain, jsonTransformer);
    }

    private BayesianFilter filter() {
        return spamFilter.filter();
    }

    private StatisticsDto statistics() {
        return StatisticsDto.of(filter().statistics(), filter().storeSizeInBytes());
    }

    private String reset(Request request, Response response) {
        filter().reset();
        response.status(HttpStatus.NO_CONTENT_204);
        return "";
    }

    private Object export(Request request, Response response) throws IOException {
        response.type("text/plain; charset=utf-8");
        response.header("Content-Disposition", "attachment; filename=\"bayes-export.txt\"");
        OutputStream out = response.raw().getOutputStream();
        filter().exportTo(out);
        out.flush();
        return "";
    }

    private StatisticsDto importExport(Request request, Response response) throws IOException {
        long max = spamFilter.settings().uploadMaxBytes();
        try (InputStream body = RequestBodies.capped(request, max, RouteErrors.tooLarge("An export", max))) {
            filter().importFrom(body);
        } catch (InvalidExportException e) {
            throw RouteErrors.badRequest("Not a Bayes store export: " + e.getMessage());
        }
        return statistics();
    }

    private LayerDto layer(Request request, Response response) {
        Scope scope = SpamFilter.recipientScope(Addresses.owner(request.params("user")));
        CountTable layer = filter().model().layer(scope).orElse(new CountTable());
        return new LayerDto(scope.user(), layer.spamMessages(), layer.hamMessages(), layer.distinctTokens());
    }

    private EntryDto untrain(Request request, Response response) {
        long max = spamFilter.settings().uploadMaxBytes();
        byte[] message = RequestBodies.read(request, (int) Math.min(max, Integer.MAX_VALUE - 8),
            RouteErrors.tooLarge("A message", max));
        if (message.length == 0) {
            throw RouteErrors.badRequest("The body must be the message to untrain, byte for byte as it was trained");
        }
        return forget(TrainingKey.content(scope(request), message));
    }

    private EntryDto forget(TrainingKey key) {
        return EntryDto.of(filter().forget(key, Source.ADMIN)
            .orElseThrow(() -> RouteErrors.notFound(key.asString() + " teaches nothing")));
    }

    private static TrainingEntry teaching(Optional<TrainingEntry> entry) {
        return entry.orElseThrow(() -> RouteErrors.notFound("This message was never trained"));
    }

    /** The layer named by {@code ?user=}, or the shared model. */
    private static Scope scope(Request request) {
        String user = request.queryParams("user");
        return user == null || user.isBlank() ? Scope.SHARED : SpamFilter.recipientScope(Addresses.owner(user.trim()));
    }

    /** {@code ?messageId=} (a message in a mailbox, James's id) or {@code ?sha256=} (a message trained as bytes). */
    private static TrainingKey key(Request request) {
        String messageId = request.queryParams("messageId");
        String sha256 = request.queryParams("sha256");
        if ((messageId == null) == (sha256 == null)) {
            throw RouteErrors.badRequest("Give either 'messageId' (James's id of a message in a mailbox) or 'sha256'");
        }
        try {
            return messageId != null ? TrainingKey.mailboxMessage(scope(request), messageId.trim())
                : new TrainingKey(scope(request), "sha256:" + sha256.trim().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw RouteErrors.badRequest(e.getMessage());
        }
    }
}
