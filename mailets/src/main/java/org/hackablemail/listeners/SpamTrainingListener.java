package org.hackablemail.listeners;

import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;
import javax.mail.Flags;

import org.apache.commons.configuration2.HierarchicalConfiguration;
import org.apache.commons.configuration2.tree.ImmutableNode;
import org.apache.james.core.Username;
import org.apache.james.events.Event;
import org.apache.james.events.EventListener;
import org.apache.james.events.Group;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageIdManager;
import org.apache.james.mailbox.events.MailboxEvents;
import org.apache.james.mailbox.events.MessageMoveEvent;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.model.MailboxId;
import org.apache.james.mailbox.model.MailboxPath;
import org.apache.james.mailbox.model.MessageId;
import org.apache.james.mailbox.model.UpdatedFlags;
import org.apache.james.task.TaskManager;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.util.ReactorUtils;
import org.hackablemail.bayes.mailbox.MailboxLesson;
import org.hackablemail.bayes.mailbox.MailboxTrainingRules;
import org.hackablemail.bayes.store.Scope;
import org.hackablemail.bayes.store.TrainingKey;
import org.hackablemail.core.Owner;
import org.hackablemail.spam.MailboxMessages;
import org.hackablemail.spam.SpamFilter;
import org.hackablemail.tasks.InboxHamTask;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import reactor.core.publisher.Mono;

/**
 * Teaches the Bayesian filter what users do in their mailboxes, as James's {@code RspamdListener} teaches rspamd: a
 * message moved or copied into the user's Spam mailbox is learnt as spam, one moved out of it into anything but Trash
 * as ham (and, when configured, the {@code $Junk}/{@code $NotJunk} keywords, answers, and once a day what stayed in
 * INBOX untagged for {@code hamInInboxAfter}, by an {@link InboxHamTask}). Each message counts once in
 * the user's personal layer, keyed by James's message id: moving it to Spam again changes nothing, moving it back
 * takes the spam back and teaches the ham. Works for IMAP MOVE and COPY and every James API that moves mail (they all
 * emit {@code MessageMoveEvent}).
 *
 * <p>Configured in {@code listeners.xml}, asynchronous so that no IMAP command waits for it; the work always runs on
 * James's blocking-call scheduler, never on the thread that moved the mail:</p>
 * <pre><code>
 * &lt;listener&gt;
 *   &lt;class&gt;org.hackablemail.listeners.SpamTrainingListener&lt;/class&gt;
 *   &lt;async&gt;true&lt;/async&gt;
 *   &lt;configuration&gt;
 *     &lt;spamMailboxes&gt;Spam,Junk&lt;/spamMailboxes&gt;
 *     &lt;trashMailboxes&gt;Trash,Deleted Items,Deleted Messages&lt;/trashMailboxes&gt;
 *     &lt;keywords&gt;false&lt;/keywords&gt;
 *     &lt;hamOnReply&gt;false&lt;/hamOnReply&gt;
 *     &lt;hamInInboxAfter&gt;&lt;/hamInInboxAfter&gt;
 *     &lt;maxMessageSize&gt;512K&lt;/maxMessageSize&gt;
 *   &lt;/configuration&gt;
 * &lt;/listener&gt;
 * </code></pre>
 */
public class SpamTrainingListener implements EventListener.ReactiveGroupEventListener {
    public static class SpamTrainingListenerGroup extends Group {
    }

    private static final Group GROUP = new SpamTrainingListenerGroup();
    private static final Logger LOGGER = LoggerFactory.getLogger(SpamTrainingListener.class);

    private final SpamFilter spamFilter;
    private final MailboxManager mailboxManager;
    private final MessageIdManager messageIdManager;
    private final ExecutionMode executionMode;
    private final MailboxTrainingRules rules;
    private final long maxMessageSize;

    @Inject
    public SpamTrainingListener(SpamFilter spamFilter, MailboxManager mailboxManager, MessageIdManager messageIdManager,
                                UsersRepository users, TaskManager taskManager,
                                HierarchicalConfiguration<ImmutableNode> configuration, ExecutionMode executionMode) {
        this.spamFilter = spamFilter;
        this.mailboxManager = mailboxManager;
        this.messageIdManager = messageIdManager;
        this.executionMode = executionMode;
        ListenerSettings settings = ListenerSettings.of(configuration);
        this.rules = new MailboxTrainingRules(settings.training());
        this.maxMessageSize = settings.maxMessageSize();
        settings.training().hamInInboxAfter().ifPresent(after -> scheduleInboxSweep(() -> taskManager.submit(
            new InboxHamTask(spamFilter, users, mailboxManager, messageIdManager, after,
                spamFilter.settings().messagesPerSecond(), Clock.systemUTC()))));
    }

    /** Once a day, an hour after start: the sweep is a task of its own, so it shows in /tasks and can be cancelled. */
    private static void scheduleInboxSweep(Runnable submit) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "hackablemail-bayes-inbox-sweep");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleAtFixedRate(() -> {
            try {
                submit.run();
            } catch (RuntimeException e) {
                LOGGER.warn("Could not start the daily INBOX sweep of the Bayesian filter", e);
            }
        }, 1, 24, TimeUnit.HOURS);
    }

    @Override
    public Group getDefaultGroup() {
        return GROUP;
    }

    @Override
    public ExecutionMode getExecutionMode() {
        return executionMode;
    }

    @Override
    public boolean isHandling(Event event) {
        return event instanceof MessageMoveEvent
            || event instanceof MailboxEvents.FlagsUpdated && rules.learnsFromFlags();
    }

    @Override
    public Publisher<Void> reactiveEvent(Event event) {
        return Mono.fromRunnable(() -> handle(event))
            .subscribeOn(ReactorUtils.BLOCKING_CALL_WRAPPER)
            .then();
    }

    /** The listener's own work for one event, on the calling thread. */
    void handle(Event event) {
        Optional<Scope> scope = scopeOf(event.getUsername());
        if (scope.isEmpty()) {
            return;
        }
        MailboxSession session = mailboxManager.createSystemSession(event.getUsername());
        try {
            if (event instanceof MessageMoveEvent move) {
                onMove(move, scope.get(), session);
            } else if (event instanceof MailboxEvents.FlagsUpdated flags) {
                onFlags(flags, scope.get(), session);
            }
        } finally {
            mailboxManager.endProcessingRequest(session);
        }
    }

    private void onMove(MessageMoveEvent move, Scope scope, MailboxSession session) {
        Set<String> left = namesOf(move.getMessageMoves().removedMailboxIds(), session);
        Set<String> joined = namesOf(move.getMessageMoves().addedMailboxIds(), session);
        rules.onMove(left, joined).ifPresent(lesson -> move.getMessageIds()
            .forEach(messageId -> learn(scope, messageId, lesson, session)));
    }

    private void onFlags(MailboxEvents.FlagsUpdated flags, Scope scope, MailboxSession session) {
        if (!isOwn(flags.getMailboxPath(), session)) {
            return;
        }
        for (UpdatedFlags updated : flags.getUpdatedFlags()) {
            Set<String> added = new HashSet<>(List.of(updated.getNewFlags().getUserFlags()));
            added.removeAll(List.of(updated.getOldFlags().getUserFlags()));
            boolean answered = updated.isModifiedToSet(Flags.Flag.ANSWERED);
            Optional<MailboxLesson> lesson = rules.onFlags(flags.getMailboxPath().getName(), added, answered);
            if (lesson.isPresent() && updated.getMessageId().isPresent()) {
                learn(scope, updated.getMessageId().get(), lesson.get(), session);
            }
        }
    }

    private void learn(Scope scope, MessageId messageId, MailboxLesson lesson, MailboxSession session) {
        TrainingKey key = TrainingKey.mailboxMessage(scope, messageId.serialize());
        try {
            spamFilter.filter().learn(key, lesson.label(), lesson.source(), () -> MailboxMessages.content(messageIdManager, messageId, session, maxMessageSize))
                .ifPresent(entry -> LOGGER.debug("{} learnt as {} ({}, revision {})", key.asString(), entry.state(),
                    lesson.source().label(), entry.revision()));
        } catch (MailboxMessages.MessageGoneException gone) {
            LOGGER.debug("{} was deleted before it could be learnt", key.asString());
        }
    }

    /** The names of the mailboxes, among those, that belong to the user. */
    private Set<String> namesOf(Collection<MailboxId> mailboxIds, MailboxSession session) {
        Set<String> names = new HashSet<>();
        for (MailboxId id : mailboxIds) {
            try {
                MailboxPath path = mailboxManager.getMailbox(id, session).getMailboxPath();
                if (isOwn(path, session)) {
                    names.add(path.getName());
                }
            } catch (MailboxException gone) {
                LOGGER.debug("Mailbox {} is gone or not the user's", id.serialize());
            }
        }
        return names;
    }

    private static boolean isOwn(MailboxPath path, MailboxSession session) {
        return path.belongsTo(session);
    }

    /** Whose layer the user's actions train; a user name that is not an address has no layer. */
    private Optional<Scope> scopeOf(Username username) {
        try {
            return Optional.of(spamFilter.trainingScope(Owner.of(username.asString())));
        } catch (IllegalArgumentException notAnAddress) {
            LOGGER.debug("User {} is not named by an address: no personal layer to train", username.asString());
            return Optional.empty();
        }
    }
}
