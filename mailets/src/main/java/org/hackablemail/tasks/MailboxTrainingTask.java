package org.hackablemail.tasks;

import java.time.Clock;
import java.util.Optional;

import org.apache.james.core.Username;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageIdManager;
import org.apache.james.mailbox.MessageManager;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.model.FetchGroup;
import org.apache.james.mailbox.model.MailboxPath;
import org.apache.james.mailbox.model.MessageRange;
import org.apache.james.mailbox.model.MessageResult;
import org.apache.james.task.Task;
import org.apache.james.task.TaskExecutionDetails;
import org.apache.james.task.TaskType;
import org.hackablemail.bayes.Label;
import org.hackablemail.bayes.store.Scope;
import org.hackablemail.bayes.store.Source;
import org.hackablemail.bayes.store.TrainingKey;
import org.hackablemail.core.Owner;
import org.hackablemail.spam.MailboxMessages;
import org.hackablemail.spam.SpamFilter;

/**
 * Teaches every message of one user's mailbox (by default their Spam mailbox) as spam or ham, to the shared model or to
 * the user's layer, each keyed by James's message id as the mailbox listener keys it: running it again, or after the
 * user moved some of the messages, counts each message once.
 */
public class MailboxTrainingTask implements Task {
    public static final TaskType TYPE = TaskType.of("hackablemail-bayes-train-mailbox");

    private final SpamFilter spamFilter;
    private final MailboxManager mailboxManager;
    private final MessageIdManager messageIdManager;
    private final Username user;
    private final String mailbox;
    private final Label label;
    private final Layer layer;
    private final TrainingRun run;

    public MailboxTrainingTask(SpamFilter spamFilter, MailboxManager mailboxManager, MessageIdManager messageIdManager,
                               Username user, String mailbox, Label label, Layer layer, int messagesPerSecond) {
        this.spamFilter = spamFilter;
        this.mailboxManager = mailboxManager;
        this.messageIdManager = messageIdManager;
        this.user = user;
        this.mailbox = mailbox;
        this.label = label;
        this.layer = layer;
        this.run = new TrainingRun(messagesPerSecond, Clock.systemUTC());
    }

    @Override
    public Result run() {
        Scope scope = layer.scope(spamFilter, Owner.of(user.asString()));
        MailboxSession session = mailboxManager.createSystemSession(user);
        try {
            MessageManager messages = mailboxManager.getMailbox(MailboxPath.forUser(user, mailbox), session);
            return run.each(messages.getMessages(MessageRange.all(), FetchGroup.MINIMAL, session),
                (MessageResult message) -> spamFilter.filter().learn(
                    TrainingKey.mailboxMessage(scope, message.getMessageId().serialize()), label, Source.ADMIN,
                    () -> MailboxMessages.content(messageIdManager, message.getMessageId(), session,
                        MailboxMessages.DEFAULT_MAX_BYTES)));
        } catch (MailboxException e) {
            throw new IllegalStateException("Cannot read the mailbox " + mailbox + " of " + user.asString(), e);
        } finally {
            mailboxManager.endProcessingRequest(session);
        }
    }

    @Override
    public TaskType type() {
        return TYPE;
    }

    @Override
    public Optional<TaskExecutionDetails.AdditionalInformation> details() {
        return Optional.of(run.details("mailbox", user.asString(), mailbox, labelName(), layer.label()));
    }

    Username user() {
        return user;
    }

    String mailbox() {
        return mailbox;
    }

    String labelName() {
        return TrainingLabels.name(label);
    }

    Layer layer() {
        return layer;
    }

    int messagesPerSecond() {
        return run.messagesPerSecond();
    }
}
