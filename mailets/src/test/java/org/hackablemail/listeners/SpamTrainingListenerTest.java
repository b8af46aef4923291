package org.hackablemail.listeners;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import javax.mail.Flags;

import org.apache.commons.configuration2.BaseHierarchicalConfiguration;
import org.apache.james.core.Domain;
import org.apache.james.core.Username;
import org.apache.james.dnsservice.api.InMemoryDNSService;
import org.apache.james.domainlist.lib.DomainListConfiguration;
import org.apache.james.domainlist.memory.MemoryDomainList;
import org.apache.james.events.EventListener;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageIdManager;
import org.apache.james.mailbox.MessageManager;
import org.apache.james.mailbox.inmemory.manager.InMemoryIntegrationResources;
import org.apache.james.mailbox.model.MailboxId;
import org.apache.james.mailbox.model.MailboxPath;
import org.apache.james.mailbox.model.MessageId;
import org.apache.james.task.Hostname;
import org.apache.james.task.MemoryTaskManager;
import org.apache.james.user.memory.MemoryUsersRepository;
import org.awaitility.Awaitility;
import org.hackablemail.bayes.store.EntryState;
import org.hackablemail.bayes.store.Scope;
import org.hackablemail.bayes.store.TrainingEntry;
import org.hackablemail.bayes.store.TrainingKey;
import org.hackablemail.spam.SpamFilter;
import org.hackablemail.spam.SpamFilters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The listener on James's own mailbox layer (memory implementation, its event bus), for the moves that do not come
 * from IMAP: {@code MessageIdManager.setInMailboxes} is what JMAP's {@code Email/set} and other James APIs call. The
 * IMAP moves are tested through a real James in packaging's {@code SpamTrainingByMoveTest}.
 */
class SpamTrainingListenerTest {
    private static final Username USER = Username.of("alice@listener.example");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path directory;

    private SpamFilter spamFilter;
    private MemoryTaskManager tasks;
    private MessageIdManager messageIdManager;
    private MailboxSession session;
    private MailboxId inbox;
    private MailboxId spam;
    private MailboxId trash;
    private MessageId messageId;

    @BeforeEach
    void setUp() throws Exception {
        InMemoryIntegrationResources resources = InMemoryIntegrationResources.defaultResources();
        var mailboxManager = resources.getMailboxManager();
        messageIdManager = resources.getMessageIdManager();
        session = mailboxManager.createSystemSession(USER);
        inbox = mailboxManager.createMailbox(MailboxPath.inbox(USER), session).orElseThrow();
        spam = mailboxManager.createMailbox(MailboxPath.forUser(USER, "Junk"), session).orElseThrow();
        trash = mailboxManager.createMailbox(MailboxPath.forUser(USER, "Trash"), session).orElseThrow();
        MemoryDomainList domains = new MemoryDomainList(new InMemoryDNSService());
        domains.configure(DomainListConfiguration.builder().autoDetect(false).autoDetectIp(false).build());
        domains.addDomain(Domain.of("listener.example"));
        tasks = new MemoryTaskManager(new Hostname("test"));
        spamFilter = SpamFilters.in(directory);
        resources.getEventBus().register(new SpamTrainingListener(spamFilter, mailboxManager, messageIdManager,
            MemoryUsersRepository.withVirtualHosting(domains), tasks, new BaseHierarchicalConfiguration(),
            EventListener.ExecutionMode.ASYNCHRONOUS));
        messageId = mailboxManager.getMailbox(inbox, session).appendMessage(MessageManager.AppendCommand.builder()
                .withInternalDate(new Date()).withFlags(new Flags())
                .build(("From: news@outside.example\r\nTo: alice@listener.example\r\nSubject: Garden digest\r\n\r\n"
                    + "Tulips, roses, compost and watering tips\r\n").getBytes(StandardCharsets.US_ASCII)), session)
            .getId().getMessageId();
    }

    @AfterEach
    void tearDown() {
        spamFilter.close();
        tasks.stop();
    }

    private Optional<TrainingEntry> entry() {
        return spamFilter.filter().entry(TrainingKey.mailboxMessage(Scope.user(USER.asString()), messageId.serialize()));
    }

    private TrainingEntry awaitRevision(long revision) {
        return Awaitility.await().atMost(PATIENCE)
            .until(this::entry, entry -> entry.isPresent() && entry.get().revision() == revision).orElseThrow();
    }

    private void moveTo(MailboxId mailbox) throws Exception {
        messageIdManager.setInMailboxes(messageId, List.of(mailbox), session);
    }

    @Test
    void shouldLearnAMoveIntoJunkByMessageIdOnceAndItsWayBackAsHam() throws Exception {
        moveTo(spam);
        assertThat(awaitRevision(1).state()).isEqualTo(EntryState.SPAM);
        assertThat(spamFilter.filter().statistics().trainedMessages()).isEqualTo(1);

        moveTo(inbox);
        assertThat(awaitRevision(2).state()).isEqualTo(EntryState.HAM);

        moveTo(trash);
        moveTo(spam);
        assertThat(awaitRevision(3).state()).as("from Trash into Junk").isEqualTo(EntryState.SPAM);
        assertThat(spamFilter.filter().statistics().trainedMessages()).as("one message, counted once").isEqualTo(1);
    }
}
