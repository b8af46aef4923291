package org.hackablemail.webadmin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mailbox.MessageIdManager;
import org.apache.james.task.Task;
import org.apache.james.task.TaskManager;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.tasks.TaskFromRequest;
import org.apache.james.webadmin.utils.JsonTransformer;
import org.hackablemail.bayes.Label;
import org.hackablemail.config.ValueParsers;
import org.hackablemail.core.Owner;
import org.hackablemail.health.DataDirectory;
import org.hackablemail.spam.SpamFilter;
import org.hackablemail.tasks.InboxHamTask;
import org.hackablemail.tasks.Layer;
import org.hackablemail.tasks.MailboxTrainingTask;
import org.hackablemail.tasks.TrainingLabels;
import org.hackablemail.tasks.UploadTrainingTask;

import spark.Request;
import spark.Service;

/**
 * Training of the Bayesian filter as James webadmin tasks (docs/webadmin.md): each answers 201 with the task's id; the
 * task's progress and cancellation are James's {@code /tasks/{id}}. Tasks learn at most {@code messagesPerSecond}
 * messages a second (default {@code bayes.training.messages.per.second}).
 * <ul>
 *   <li>{@code POST /hackable/bayes/train?label=spam|ham} with an mbox file (first line {@code From }) or one message
 *       as the body: the shared model learns it, each message keyed by its bytes; 413 over
 *       {@code bayes.training.upload.max}.</li>
 *   <li>{@code POST /hackable/bayes/train?label=spam|ham&user=&mailbox=&layer=shared|personal} with no body: learns a
 *       user's mailbox ({@code Spam} by default for spam), each message keyed by James's id.</li>
 *   <li>{@code POST /hackable/bayes/learn-inbox?after=14d}: every user's layer learns as ham what stayed in INBOX that
 *       long untagged.</li>
 * </ul>
 * Listed in {@code webadmin.properties} as {@code extensions.routes=org.hackablemail.webadmin.BayesTrainingRoutes}.
 */
public class BayesTrainingRoutes implements Routes {
    public static final String TRAIN_PATH = BayesRoutes.BASE_PATH + "/train";
    public static final String LEARN_INBOX_PATH = BayesRoutes.BASE_PATH + "/learn-inbox";
    static final String UPLOADS_DIRECTORY = "bayes-uploads";
    private static final String DEFAULT_SPAM_MAILBOX = "Spam";

    private final SpamFilter spamFilter;
    private final TaskManager taskManager;
    private final MailboxManager mailboxManager;
    private final MessageIdManager messageIdManager;
    private final UsersRepository users;
    private final Addresses addresses;
    private final Path uploads;
    private final JsonTransformer jsonTransformer;

    @Inject
    public BayesTrainingRoutes(SpamFilter spamFilter, TaskManager taskManager, MailboxManager mailboxManager,
                               MessageIdManager messageIdManager, UsersRepository users, DataDirectory dataDirectory,
                               JsonTransformer jsonTransformer) {
        this.spamFilter = spamFilter;
        this.taskManager = taskManager;
        this.mailboxManager = mailboxManager;
        this.messageIdManager = messageIdManager;
        this.users = users;
        this.addresses = new Addresses(users);
        this.uploads = dataDirectory.path().resolve(UPLOADS_DIRECTORY);
        this.jsonTransformer = jsonTransformer;
    }

    @Override
    public String getBasePath() {
        return BayesRoutes.BASE_PATH;
    }

    @Override
    public void define(Service service) {
        RouteErrors.answerStorageOutages(service);
        TaskFromRequest train = this::trainingTask;
        TaskFromRequest learnInbox = this::inboxTask;
        service.post(TRAIN_PATH, train.asRoute(taskManager), jsonTransformer);
        service.post(LEARN_INBOX_PATH, learnInbox.asRoute(taskManager), jsonTransformer);
    }

    private Task trainingTask(Request request) {
        try {
            return parseTrainingTask(request);
        } catch (IllegalArgumentException e) {
            throw RouteErrors.badRequest(e.getMessage());
        }
    }

    private Task parseTrainingTask(Request request) {
        Label label = TrainingLabels.parse(request.queryParams("label"));
        int pace = messagesPerSecond(request);
        Optional<String> user = parameter(request, "user");
        if (user.isPresent()) {
            Owner owner = addresses.localUser(user.get());
            String mailbox = parameter(request, "mailbox").orElseGet(() -> {
                if (label != Label.SPAM) {
                    throw new IllegalArgumentException("'mailbox' is needed to learn ham from a user's mailbox");
                }
                return DEFAULT_SPAM_MAILBOX;
            });
            Layer layer = parameter(request, "layer").map(Layer::parse).orElse(Layer.SHARED);
            return new MailboxTrainingTask(spamFilter, mailboxManager, messageIdManager, Username.of(owner.asString()),
                mailbox, label, layer, pace);
        }
        return new UploadTrainingTask(spamFilter, upload(request), label, pace);
    }

    private Task inboxTask(Request request) {
        try {
            return parseInboxTask(request);
        } catch (IllegalArgumentException e) {
            throw RouteErrors.badRequest(e.getMessage());
        }
    }

    private Task parseInboxTask(Request request) {
        Duration after = parameter(request, "after").map(ValueParsers::positiveDuration)
            .orElseThrow(() -> new IllegalArgumentException("'after' is needed: how long mail stays in INBOX, e.g. 14d"));
        return new InboxHamTask(spamFilter, users, mailboxManager, messageIdManager, after, messagesPerSecond(request),
            Clock.systemUTC());
    }

    /** The body, written to a file of its own that the task deletes when done; at most the training upload cap. */
    private Path upload(Request request) {
        long max = spamFilter.settings().uploadMaxBytes();
        try {
            Files.createDirectories(uploads);
            Path file = uploads.resolve("upload-" + UUID.randomUUID());
            try (InputStream body = RequestBodies.capped(request, max, RouteErrors.tooLarge("The upload", max))) {
                Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
            } catch (RuntimeException e) {
                Files.deleteIfExists(file);
                throw e;
            }
            if (Files.size(file) == 0) {
                Files.delete(file);
                throw new IllegalArgumentException("The body must be an mbox file or one message, or give 'user' to "
                    + "learn a mailbox");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the upload in " + uploads, e);
        }
    }

    private int messagesPerSecond(Request request) {
        return parameter(request, "messagesPerSecond").map(value -> {
            try {
                return ValueParsers.positiveInt(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'messagesPerSecond' must be " + e.getMessage() + ", got '" + value + "'");
            }
        }).orElse(spamFilter.settings().messagesPerSecond());
    }

    private static Optional<String> parameter(Request request, String name) {
        return Optional.ofNullable(request.queryParams(name)).map(String::trim).filter(value -> !value.isEmpty());
    }
}
