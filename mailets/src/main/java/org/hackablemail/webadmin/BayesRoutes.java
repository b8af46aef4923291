package org.hackablemail.webadmin;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Stream;

import javax.inject.Inject;

import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.ErrorResponder;
import org.apache.james.webadmin.utils.JsonTransformer;
import org.eclipse.jetty.http.HttpStatus;
import org.hackablemail.bayes.BatchTraining;
import org.hackablemail.bayes.Label;
import org.hackablemail.bayes.corpus.Mbox;
import org.hackablemail.bayes.corpus.RawMessage;
import org.hackablemail.bayes.model.ModelStatistics;
import org.hackablemail.bayes.store.InvalidExportException;
import org.hackablemail.spam.SpamFilter;

import spark.HaltException;
import spark.Request;
import spark.Response;
import spark.Service;

/**
 * Admin routes of the Bayesian filter (docs/webadmin.md):
 * <ul>
 *   <li>{@code GET /hackable/bayes}: messages and tokens learnt per class, store size, last training.</li>
 *   <li>{@code POST /hackable/bayes/train?label=spam|ham}: learns the body, an mbox (first line {@code From }) or one
 *       message; 200 with the count; 400 without a valid label or with an empty body.</li>
 *   <li>{@code DELETE /hackable/bayes}: forgets everything; 204.</li>
 *   <li>{@code GET /hackable/bayes/export}: the store in its portable text format.</li>
 *   <li>{@code PUT /hackable/bayes/export}: replaces the store with an export; 400 when malformed (store untouched).</li>
 * </ul>
 * Listed in {@code webadmin.properties} as {@code extensions.routes=org.hackablemail.webadmin.BayesRoutes}.
 */
public class BayesRoutes implements Routes {
    public static final String BASE_PATH = "/hackable/bayes";
    private static final String TRAIN_PATH = BASE_PATH + "/train";
    private static final String EXPORT_PATH = BASE_PATH + "/export";
    private static final byte[] MBOX_SEPARATOR = "From ".getBytes(StandardCharsets.US_ASCII);

    /** The store as {@code GET /hackable/bayes} shows it. */
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

    /** The answer to a training upload. */
    public record TrainedDto(String label, long messages) {
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
        service.get(BASE_PATH, this::statistics, jsonTransformer);
        service.post(TRAIN_PATH, this::train, jsonTransformer);
        service.delete(BASE_PATH, this::reset);
        service.get(EXPORT_PATH, this::export);
        service.put(EXPORT_PATH, this::importExport, jsonTransformer);
    }

    private StatisticsDto statistics(Request request, Response response) {
        return statistics();
    }

    private StatisticsDto statistics() {
        return StatisticsDto.of(spamFilter.filter().statistics(), spamFilter.filter().storeSizeInBytes());
    }

    private TrainedDto train(Request request, Response response) throws IOException {
        Label label = label(request.queryParams("label"));
        byte[] body = request.bodyAsBytes();
        if (body.length == 0) {
            throw error(HttpStatus.BAD_REQUEST_400, "The body must be an mbox file or one message");
        }
        BatchTraining training = new BatchTraining(spamFilter.filter(), BatchTraining.DEFAULT_BATCH_SIZE);
        if (!startsWith(body, MBOX_SEPARATOR)) {
            return new TrainedDto(label.name().toLowerCase(Locale.ROOT),
                training.train(label, Stream.of(new RawMessage("upload", body)), learnt -> { }));
        }
        Path mbox = Files.createTempFile("hackable-mail-bayes-", ".mbox");
        try {
            Files.write(mbox, body);
            try (Stream<RawMessage> messages = new Mbox(mbox).messages()) {
                return new TrainedDto(label.name().toLowerCase(Locale.ROOT), training.train(label, messages, learnt -> { }));
            }
        } finally {
            Files.deleteIfExists(mbox);
        }
    }

    private String reset(Request request, Response response) throws IOException {
        spamFilter.filter().reset();
        response.status(HttpStatus.NO_CONTENT_204);
        return "";
    }

    private Object export(Request request, Response response) throws IOException {
        response.type("text/plain; charset=utf-8");
        response.header("Content-Disposition", "attachment; filename=\"bayes-export.txt\"");
        OutputStream out = response.raw().getOutputStream();
        spamFilter.filter().exportTo(out);
        out.flush();
        return "";
    }

    private StatisticsDto importExport(Request request, Response response) throws IOException {
        try {
            spamFilter.filter().importFrom(new ByteArrayInputStream(request.bodyAsBytes()));
        } catch (InvalidExportException e) {
            throw error(HttpStatus.BAD_REQUEST_400, "Not a Bayes store export: " + e.getMessage());
        }
        return statistics();
    }

    private static Label label(String value) {
        return Arrays.stream(Label.values())
            .filter(label -> label.name().equalsIgnoreCase(value == null ? "" : value.trim()))
            .findFirst()
            .orElseThrow(() -> error(HttpStatus.BAD_REQUEST_400, "'label' must be spam or ham, got '" + value + "'"));
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static HaltException error(int status, String message) {
        return ErrorResponder.builder()
            .statusCode(status)
            .type(ErrorResponder.ErrorType.INVALID_ARGUMENT)
            .message(message)
            .haltError();
    }
}
