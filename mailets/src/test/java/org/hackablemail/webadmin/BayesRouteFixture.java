package org.hackablemail.webadmin;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;

import javax.mail.Flags;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;
import org.apache.james.dnsservice.api.InMemoryDNSService;
import org.apache.james.domainlist.lib.DomainListConfiguration;
import org.apache.james.domainlist.memory.MemoryDomainList;
import org.apache.james.json.DTOConverter;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageManager;
import org.apache.james.mailbox.inmemory.manager.InMemoryIntegrationResources;
import org.apache.james.mailbox.model.MailboxPath;
import org.apache.james.task.Hostname;
import org.apache.james.task.MemoryTaskManager;
import org.apache.james.user.memory.MemoryUsersRepository;
import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.WebAdminServer;
import org.apache.james.webadmin.WebAdminUtils;
import org.apache.james.webadmin.routes.TasksRoutes;
import org.apache.james.webadmin.utils.JsonTransformer;
import org.hackablemail.config.HackableMailConfiguration;
import org.hackablemail.health.DataDirectory;
import org.hackablemail.spam.SpamFilter;
import org.hackablemail.tasks.TrainingDetailsDTO;

import io.restassured.RestAssured;

/**
 * The Bayes routes alone, as James tests its routes: a webadmin server of {@link WebAdminUtils} with the routes, James's
 * own {@code /tasks} routes and memory task manager, memory mailboxes and users, and a real filter on disk.
 */
final class BayesRouteFixture implements AutoCloseable {
    static final String DOMAIN = "demo.test";
    static final String ALICE = "alice@" + DOMAIN;

    final InMemoryIntegrationResources mailboxes = InMemoryIntegrationResources.defaultResources();
    final MemoryUsersRepository users;
    final MemoryTaskManager taskManager = new MemoryTaskManager(new Hostname("test"));
    final SpamFilter spamFilter;
    final Path dataDirectory;
    private final WebAdminServer server;

    BayesRouteFixture(Path workingDirectory, HackableMailConfiguration configuration, SpamFilter spamFilter) throws Exception {
        MemoryDomainList domains = new MemoryDomainList(new InMemoryDNSService());
        domains.configure(DomainListConfiguration.builder().autoDetect(false).autoDetectIp(false).build());
        domains.addDomain(Domain.of(DOMAIN));
        users = MemoryUsersRepository.withVirtualHosting(domains);
        users.addUser(Username.of(ALICE), "secret");
        this.spamFilter = spamFilter;
        DataDirectory data = new DataDirectory(configuration);
        this.dataDirectory = data.path();
        JsonTransformer json = new JsonTransformer();
        Routes[] routes = {
            new BayesRoutes(spamFilter, json),
            new BayesTrainingRoutes(spamFilter, taskManager, mailboxes.getMailboxManager(), mailboxes.getMessageIdManager(),
                users, data, json),
            new TasksRoutes(taskManager, json, DTOConverter.of(TrainingDetailsDTO.MODULE))};
        server = WebAdminUtils.createWebAdminServer(routes).start();
        RestAssured.requestSpecification = WebAdminUtils.buildRequestSpecification(server).build();
    }

    /** Appends messages to one of Alice's mailboxes, created if needed. */
    MessageManager append(String mailbox, List<String> messages) throws Exception {
        var manager = mailboxes.getMailboxManager();
        MailboxSession session = manager.createSystemSession(Username.of(ALICE));
        MailboxPath path = MailboxPath.forUser(Username.of(ALICE), mailbox);
        if (!manager.mailboxExists(path, session).block()) {
            manager.createMailbox(path, session);
        }
        MessageManager messageManager = manager.getMailbox(path, session);
        for (String message : messages) {
            messageManager.appendMessage(MessageManager.AppendCommand.builder()
                .withInternalDate(new Date())
                .withFlags(new Flags())
                .build(message.getBytes(StandardCharsets.UTF_8)), session);
        }
        return messageManager;
    }

    static String mbox(List<String> messages) {
        return messages.stream()
            .map(message -> "From sender@example.org Thu Jan  1 00:00:00 2026\n" + message.replace("\r\n", "\n"))
            .collect(Collectors.joining("\n"));
    }

    @Override
    public void close() {
        server.destroy();
        taskManager.stop();
        spamFilter.close();
    }
}
