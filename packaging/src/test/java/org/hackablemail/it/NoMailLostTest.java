package org.hackablemail.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.james.JamesServerExtension;
import org.hackablemail.launcher.DemoUsers;
import org.hackablemail.launcher.WebAdminClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Many messages at once through a mix of good and hostile plugins: every accepted message ends delivered, bounced
 * with a reason, or dropped by its owner's plugin, and none lands in James's error repository. The senders submit
 * authenticated, so that bounces reach them.
 */
class NoMailLostTest {
    private static final int MESSAGES_PER_OWNER = 3;
    private static final String ERROR_REPOSITORY = "/mailRepositories/"
        + URLEncoder.encode("memory://var/mail/error/", StandardCharsets.UTF_8) + "/mails";

    /** Retries after one second, once, so that plugins answering 75 end bounced within the test. */
    private static final InProcessJames JAMES = new InProcessJames(NoMailLostTest::retryQuickly);

    @RegisterExtension
    static JamesServerExtension server = JAMES.extension();

    private enum Fate { DELIVERED, BOUNCED, DROPPED }

    private record Owner(String address, String sender, String plugin, Fate fate) {
    }

    private static final List<Owner> OWNERS = List.of(
        owner("tagged", "pdk/examples/subject-tagger-wat/subject-tagger.wasm", Fate.DELIVERED),
        owner("unchanged", "plugin-host/src/test/resources/plugins/deliver-input.wasm", Fate.DELIVERED),
        owner("twice", "plugin-host/src/test/resources/plugins/deliver-twice.wasm", Fate.DELIVERED),
        owner("dropper", "plugin-host/src/test/resources/plugins/drop.wasm", Fate.DROPPED),
        owner("refuser", "plugin-host/src/test/resources/plugins/refuse-77.wasm", Fate.BOUNCED),
        owner("later", "plugin-host/src/test/resources/plugins/try-later.wasm", Fate.BOUNCED),
        owner("looping", "plugin-host/src/test/resources/plugins/infinite-loop.wasm", Fate.BOUNCED),
        owner("recursing", "plugin-host/src/test/resources/plugins/infinite-recursion.wasm", Fate.BOUNCED),
        owner("growing", "plugin-host/src/test/resources/plugins/memory-grow-loop.wasm", Fate.BOUNCED),
        owner("allocating", "plugin-host/src/test/resources/plugins/kernel-alloc-loop.wasm", Fate.BOUNCED),
        owner("trapping", "plugin-host/src/test/resources/plugins/trap.wasm", Fate.BOUNCED),
        owner("babbling", "plugin-host/src/test/resources/plugins/non-integer-output.wasm", Fate.BOUNCED),
        owner("flooding", "plugin-host/src/test/resources/plugins/huge-output.wasm", Fate.BOUNCED));

    @Test
    void everyMessageShouldEndDeliveredBouncedOrDroppedByItsOwner() throws Exception {
        WebAdminClient webAdmin = WebAdminClient.onLoopback(JAMES.ports().webAdmin(), JAMES.adminToken());
        Mailboxes mailboxes = JAMES.mailboxes();
        for (Owner owner : OWNERS) {
            webAdmin.upsertUser(owner.address(), DemoUsers.PASSWORD);
            webAdmin.upsertUser(owner.sender(), DemoUsers.PASSWORD);
            // Forced: the hostile plugins fail the simulations, which is the point here.
            HttpResponse<String> installed = webAdmin.put("/hackable/plugins/" + owner.address() + "?force=true",
                Files.readAllBytes(Path.of("..", owner.plugin())), "application/wasm");
            assertThat(installed.statusCode()).as(owner.plugin() + ": " + installed.body()).isEqualTo(201);
        }

        sendConcurrently(mailboxes);

        for (Owner owner : OWNERS) {
            if (owner.fate() == Fate.DELIVERED) {
                mailboxes.awaitMessages(owner.address(), MESSAGES_PER_OWNER);
            } else if (owner.fate() == Fate.BOUNCED) {
                assertThat(mailboxes.awaitMessages(owner.sender(), MESSAGES_PER_OWNER))
                    .as(owner.plugin()).contains("Final-Recipient: rfc822; " + owner.address());
            }
        }
        for (Owner owner : OWNERS) {
            long expectedInOwnerInbox = owner.fate() == Fate.DELIVERED ? MESSAGES_PER_OWNER : 0;
            long expectedBounces = owner.fate() == Fate.BOUNCED ? MESSAGES_PER_OWNER : 0;
            assertThat(mailboxes.messageCount(owner.address())).as(owner.plugin()).isEqualTo(expectedInOwnerInbox);
            assertThat(mailboxes.messageCount(owner.sender())).as(owner.plugin()).isEqualTo(expectedBounces);
        }
        HttpResponse<String> errors = webAdmin.get(ERROR_REPOSITORY);
        assertThat(errors.body()).as("James creates the error repository when it stores the first mail there")
            .satisfiesAnyOf(body -> assertThat(body).isEqualTo("[]"),
                body -> assertThat(body).contains("\"statusCode\":404", "does not exist"));
    }

    private static void sendConcurrently(Mailboxes mailboxes) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < MESSAGES_PER_OWNER; i++) {
                for (Owner owner : OWNERS) {
                    String subject = "Message " + i + " to " + owner.address();
                    sent.add(senders.submit(() -> {
                        mailboxes.submit(owner.sender(), List.of(owner.address()), subject, "Hello");
                        return null;
                    }));
                }
            }
            for (Future<?> future : sent) {
                future.get();
            }
        } finally {
            senders.shutdown();
        }
    }

    private static Owner owner(String name, String plugin, Fate fate) {
        return new Owner(name + "@demo.test", "to-" + name + "@demo.test", plugin, fate);
    }

    private static void retryQuickly(Path conf) throws java.io.IOException {
        Path mailetContainer = conf.resolve("mailetcontainer.xml");
        String original = Files.readString(mailetContainer);
        String changed = original.replace("<retryDelay>15 minutes</retryDelay>", "<retryDelay>1 seconds</retryDelay>")
            .replace("<maxRetries>4</maxRetries>", "<maxRetries>1</maxRetries>");
        if (changed.equals(original)) {
            throw new IllegalStateException("james-conf/mailetcontainer.xml no longer has the plugin retry settings");
        }
        Files.writeString(mailetContainer, changed);
    }
}
