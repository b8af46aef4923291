package org.hackablemail.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hackablemail.it.SpfTestInternet.DENIED_BY_SHOP;
import static org.hackablemail.it.SpfTestInternet.HELO;
import static org.hackablemail.it.SpfTestInternet.MX_HOST_OF_SHOP;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.james.JamesServerExtension;
import org.awaitility.Awaitility;
import org.hackablemail.launcher.DemoUsers;
import org.hackablemail.launcher.WebAdminClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * No backscatter: what a plugin sends back (a bounce, a reply) reaches only a sender the server can vouch for. The
 * senders' domains are local here, so that whatever James sends them can be read over IMAP; their SPF policies come
 * from a real DNS server ({@link SpfTestInternet}), and nothing is trusted for being on loopback.
 */
class BackscatterTest {
    private static final String REJECTED = "var/mail/plugin-rejected/";
    private static final String FRONT_MX = "127.0.0.9";
    private static final String FRONT_MX_ID = "mx.front.test";
    private static final AtomicInteger NAMES = new AtomicInteger();

    private static final InProcessJames JAMES = new InProcessJames(BackscatterTest::configure);

    @RegisterExtension
    static SpfTestInternet internet = new SpfTestInternet();

    @RegisterExtension
    static JamesServerExtension server = JAMES.extension();

    private static WebAdminClient webAdmin;
    private static Mailboxes mailboxes;
    private static MailRepositories repositories;
    private String bouncer;
    private String replier;

    private static void configure(Path conf) throws IOException {
        SpfTestInternet.configure(conf).write();
        Path properties = conf.resolve("hackable-mail.properties");
        String original = Files.readString(properties);
        String changed = original
            .replace("sender.upstream.authserv.ids=\n", "sender.upstream.authserv.ids=" + FRONT_MX_ID + "\n")
            .replace("sender.upstream.networks=127.0.0.0/8, ::1", "sender.upstream.networks=" + FRONT_MX);
        assertThat(changed).as("hackable-mail.properties keys").contains(FRONT_MX_ID, "=" + FRONT_MX);
        Files.writeString(properties, changed);
    }

    @BeforeAll
    static void setUp() throws Exception {
        webAdmin = JAMES.webAdmin();
        mailboxes = JAMES.mailboxes();
        repositories = new MailRepositories(webAdmin);
        for (String domain : List.of("shop.test", "no-policy.test")) {
            assertThat(webAdmin.put("/domains/" + domain, "").statusCode()).isEqualTo(204);
        }
    }

    @BeforeEach
    void owners() throws Exception {
        bouncer = JAMES.newUser("bouncer");
        replier = JAMES.newUser("replier");
        install(bouncer, ExamplePlugins.REFUSE_77);
        install(replier, ExamplePlugins.PROJECT_XYZ_C);
    }

    @Test
    void aForgedSenderFailingSpfShouldGetNoBounceAndTheMessageShouldBeKept() throws Exception {
        String forged = user("shop.test");

        new LoopbackSmtpClient(DENIED_BY_SHOP, HELO).send(JAMES.ports().smtp(), forged, bouncer, message("Buy now"));

        JsonNode kept = awaitRejected(forged);
        assertThat(kept.get("recipients").toString()).contains(bouncer);
        assertThat(kept.get("error").asText()).contains("code 77", "cannot vouch for the sender");
        assertNothingArrives(forged);
    }

    @Test
    void aSenderWhoseDomainHasNoSpfPolicyShouldGetNoBounce() throws Exception {
        String unverified = user("no-policy.test");

        new LoopbackSmtpClient("127.0.0.6", HELO).send(JAMES.ports().smtp(), unverified, bouncer, message("Buy now"));

        awaitRejected(unverified);
        assertNothingArrives(unverified);
    }

    @Test
    void aForgedSenderShouldGetNoReplyButTheOwnerTheMessage() throws Exception {
        String forged = user("shop.test");

        new LoopbackSmtpClient(DENIED_BY_SHOP, HELO).send(JAMES.ports().smtp(), forged, replier,
            message("News about Project XYZ"));

        assertThat(mailboxes.awaitMessages(replier, 1)).contains("Subject: News about Project XYZ");
        assertNothingArrives(forged);
    }

    @Test
    void aSenderWhoseSpfPassedShouldGetTheBounceAndTheReply() throws Exception {
        String verified = user("shop.test");

        new LoopbackSmtpClient(MX_HOST_OF_SHOP, HELO).send(JAMES.ports().smtp(), verified, bouncer, message("Buy now"));
        new LoopbackSmtpClient(MX_HOST_OF_SHOP, HELO).send(JAMES.ports().smtp(), verified, replier,
            message("News about Project XYZ"));

        String inbox = mailboxes.awaitMessages(verified, 2) + mailboxes.awaitLastMessage(verified, 2);
        assertThat(inbox).contains("Final-Recipient: rfc822; " + bouncer, "code 77")
            .contains("Subject: RE: News about Project XYZ", "Auto-Submitted: auto-replied");
    }

    @Test
    void anAuthenticatedSenderShouldGetTheBounceAndTheReply() throws Exception {
        String local = JAMES.newUser("sender");

        mailboxes.submit(local, List.of(bouncer), "Buy now", "Cheap");
        mailboxes.submit(local, List.of(replier), "News about Project XYZ", "It is going well");

        String inbox = mailboxes.awaitMessages(local, 2) + mailboxes.awaitLastMessage(local, 2);
        assertThat(inbox).contains("Final-Recipient: rfc822; " + bouncer, "code 77")
            .contains("Subject: RE: News about Project XYZ");
    }

    @Test
    void aLocalAddressForgedFromOutsideShouldGetNoBounce() throws Exception {
        String victim = JAMES.newUser("victim");

        new LoopbackSmtpClient(DENIED_BY_SHOP, HELO).send(JAMES.ports().smtp(), victim, bouncer, message("Buy now"));

        awaitRejected(victim);
        assertNothingArrives(victim);
    }

    @Test
    void aFrontMxsSpfPassShouldVouchForTheSender() throws Exception {
        String verified = user("shop.test");

        new LoopbackSmtpClient(FRONT_MX, HELO).send(JAMES.ports().smtp(), verified, bouncer,
            "Authentication-Results: " + FRONT_MX_ID + "; spf=pass smtp.mailfrom=" + verified + "\r\n" + message("Buy now"));

        assertThat(mailboxes.awaitMessages(verified, 1)).contains("Final-Recipient: rfc822; " + bouncer);
    }

    @Test
    void aFrontMxsVerdictShouldNotCountOnMailThatDidNotComeFromIt() throws Exception {
        String forged = user("shop.test");

        new LoopbackSmtpClient(DENIED_BY_SHOP, HELO).send(JAMES.ports().smtp(), forged, bouncer,
            "Authentication-Results: " + FRONT_MX_ID + "; spf=pass smtp.mailfrom=" + forged + "\r\n" + message("Buy now"));

        awaitRejected(forged);
        assertNothingArrives(forged);
    }

    private static String message(String subject) {
        return "Subject: " + subject + "\r\nMessage-ID: <" + NAMES.incrementAndGet() + "@backscatter.test>\r\n\r\nHello\r\n";
    }

    private static String user(String domain) throws Exception {
        String address = "sender" + NAMES.incrementAndGet() + "@" + domain;
        webAdmin.upsertUser(address, DemoUsers.PASSWORD);
        return address;
    }

    private static JsonNode awaitRejected(String sender) {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
            .until(() -> repositories.mails(REJECTED).stream()
                .filter(mail -> mail.get("sender").asText().equals(sender))
                .findFirst(), found -> found.isPresent())
            .orElseThrow();
    }

    /**
     * Nothing reaches the sender's inbox for a while after its message was handled. Negative on purpose: a DSN or
     * reply, when there is one, arrives within a second or two here (see the tests where the sender is vouched for).
     */
    private static void assertNothingArrives(String sender) {
        Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
            .until(() -> mailboxes.messageCount(sender) == 0);
    }

    private static void install(String owner, ExamplePlugins plugin) throws Exception {
        assertThat(webAdmin.put("/hackable/plugins/" + owner, plugin.wasm(), "application/wasm").statusCode())
            .isEqualTo(201);
    }
}
