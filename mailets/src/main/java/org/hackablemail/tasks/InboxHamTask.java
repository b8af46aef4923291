package org.hackablemail.tasks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.apache.james.core.Username;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageIdManager;
import org.apache.james.mailbox.MessageManager;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.model.FetchGroup;
import org.apache.james.mailbox.model.Header;
import org.apache.james.mailbox.model.MailboxPath;
import org.apache.james.mailbox.model.MessageRange;
import org.apache.james.mailbox.model.MessageResult;
import org.apache.james.task.Task;
import org.apache.james.task.TaskExecutionDetails;
import org.apache.james.task.TaskType;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.hackablemail.bayes.Label;
import org.hackablemail.bayes.store.Scope;
import org.hackablemail.bayes.store.Source;
import org.hackablemail.bayes.store.TrainingKey;
import org.hackablemail.core.Owner;
import org.hackablemail.mailets.BayesianSpamTagger;
import org.hackablemail.spam.MailboxMessages;
import org.hackablemail.spam.SpamFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Teaches each user's layer, as ham, what stayed in their INBOX at least {@code after} without being tagged spam: mail
 * a user kept is mail they wanted. Messages the user trained in any way are left as the user taught them. Run by the
 * mailbox listener once a day when {@code hamInInboxAfter} is set, or by an administrator.
 */
public class InboxHamTask implements Task {
    public static final TaskType TYPE = TaskType.of("hackablemail-bayes-learn-inbox");
    private static final Logger LOGGER = LoggerFactory.getLogger(InboxHamTask.class);
    private static final String INBOX = "INBOX";

    private final SpamFilter spamFilter;
    private final UsersRepository users;
    private final MailboxManager mailboxManager;
    private final MessageIdManager messageIdManager;
    private final Duration after;
    private final Clock clock;
    private final TrainingRun run;

    public InboxHamTask(SpamFilter spamFilter, UsersRepository users, MailboxManager mailboxManager,
                        MessageIdManager messageIdManager, Duration after, int messagesPerSecond, Clock clock) {
        this.spamFilter = spamFilter;
        this.users = users;
        this.mailboxManager = mailboxManager;
        this.messageIdManager = messageIdManager;
        this.after = after;
        this.clock = clock;
        this.run = new TrainingRun(messagesPerSecond, clock);
    }

    @Override
    public Result run() throws InterruptedException {
        Instant keptSince = clock.instant().minus(after);
        Result result = Result.COMPLETED;
        for (Username user : allUsers()) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("Cancelled");
            }
            Optional<Owner> owner = ownerOf(user);
            if (owner.isPresent()) {
                result = Task.combine(result, learn(user, spamFilter.trainingScope(owner.get()), keptSince));
            }
        }
        return result;
    }

    private Result learn(Username user, Scope scope, Instant keptSince) {
        MailboxSession session = mailboxManager.createSystemSession(user);
        try {
            MessageManager inbox = mailboxManager.getMailbox(MailboxPath.inbox(user), session);
            Iterator<MessageResult> kept = stream(inbox.getMessages(MessageRange.all(), FetchGroup.HEADERS, session))
                .filter(message -> !message.getInternalDate().toInstant().isAfter(keptSince))
                .filter(message -> !taggedSpam(message))
                .iterator();
            return run.each(kept, message -> {
                TrainingKey key = TrainingKey.mailboxMessage(scope, message.getMessageId().serialize());
                if (spamFilter.filter().entry(key).isPresent()) {
                    return Optional.empty();
                }
                return spamFilter.filter().learn(key, Label.HAM, Source.INBOX, () -> MailboxMessages.content(
                    messageIdManager, message.getMessageId(), session, MailboxMessages.DEFAULT_MAX_BYTES));
            });
        } catch (MailboxException e) {
            LOGGER.info("No INBOX to learn from for {}: {}", user.asString(), e.getMessage());
            return Result.COMPLETED;
        } finally {
            mailboxManager.endProcessingRequest(session);
        }
    }

    private static boolean taggedSpam(MessageResult message) {
        try {
            Iterator<Header> headers = message.getHeaders().headers();
            while (headers.hasNext()) {
                Header header = headers.next();
                if (header.getName().equalsIgnoreCase(BayesianSpamTagger.VERDICT_HEADER)) {
                    return header.getValue().trim().equalsIgnoreCase("yes");
                }
            }
            return false;
        } catch (MailboxException e) {
            return true;
        }
    }

    private List<Username> allUsers() {
        try {
            List<Username> all = new ArrayList<>();
            users.list().forEachRemaining(all::add);
            return all;
        } catch (UsersRepositoryException e) {
            throw new IllegalStateException("Cannot list the users", e);
        }
    }

    private static Optional<Owner> ownerOf(Username user) {
        try {
            return Optional.of(Owner.of(user.asString()));
        } catch (IllegalArgumentException notAnAddress) {
            return Optional.empty();
        }
    }

    private static <T> Stream<T> stream(Iterator<T> iterator) {
        Iterable<T> iterable = () -> iterator;
        return StreamSupport.stream(iterable.spliterator(), false);
    }

    @Override
    public TaskType type() {
        return TYPE;
    }

    @Override
    public Optional<TaskExecutionDetails.AdditionalInformation> details() {
        return Optional.of(run.details("inbox", null, INBOX, "ham", Layer.PERSONAL.label()));
    }

    Duration after() {
        return after;
    }

    int messagesPerSecond() {
        return run.messagesPerSecond();
    }
}
