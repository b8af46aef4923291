package org.hackablemail.tasks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.james.task.Task;
import org.apache.james.task.TaskExecutionDetails;
import org.apache.james.task.TaskType;
import org.hackablemail.bayes.Label;
import org.hackablemail.bayes.corpus.Mbox;
import org.hackablemail.bayes.corpus.RawMessage;
import org.hackablemail.bayes.store.Scope;
import org.hackablemail.bayes.store.Source;
import org.hackablemail.bayes.store.TrainingKey;
import org.hackablemail.spam.SpamFilter;

/**
 * Teaches the shared model an uploaded mbox (or one message), message by message, each keyed by its bytes: uploading
 * the same file again changes nothing. The upload is a file the route wrote; the task deletes it when it ends.
 */
public class UploadTrainingTask implements Task {
    public static final TaskType TYPE = TaskType.of("hackablemail-bayes-train-upload");
    private static final byte[] MBOX_SEPARATOR = "From ".getBytes(StandardCharsets.US_ASCII);

    private final SpamFilter spamFilter;
    private final Path upload;
    private final Label label;
    private final TrainingRun run;

    public UploadTrainingTask(SpamFilter spamFilter, Path upload, Label label, int messagesPerSecond) {
        this.spamFilter = spamFilter;
        this.upload = upload;
        this.label = label;
        this.run = new TrainingRun(messagesPerSecond, Clock.systemUTC());
    }

    @Override
    public Result run() {
        try (Stream<RawMessage> messages = isMbox() ? new Mbox(upload).messages()
            : Stream.of(new RawMessage(upload.toString(), Files.readAllBytes(upload)))) {
            return run.each(messages.iterator(), (RawMessage message) -> spamFilter.filter().learn(
                TrainingKey.content(Scope.SHARED, message.content()), label, Source.ADMIN, message::content));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the upload " + upload, e);
        } finally {
            try {
                Files.deleteIfExists(upload);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot delete the upload " + upload, e);
            }
        }
    }

    private boolean isMbox() throws IOException {
        try (InputStream in = Files.newInputStream(upload)) {
            return Arrays.equals(in.readNBytes(MBOX_SEPARATOR.length), MBOX_SEPARATOR);
        }
    }

    @Override
    public TaskType type() {
        return TYPE;
    }

    @Override
    public Optional<TaskExecutionDetails.AdditionalInformation> details() {
        return Optional.of(run.details("upload", null, null, labelName(), Layer.SHARED.label()));
    }

    Path upload() {
        return upload;
    }

    String labelName() {
        return TrainingLabels.name(label);
    }

    int messagesPerSecond() {
        return run.messagesPerSecond();
    }
}
