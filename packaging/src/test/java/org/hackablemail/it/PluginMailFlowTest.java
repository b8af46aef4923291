package org.hackablemail.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.apache.james.JamesServerExtension;
import org.hackablemail.launcher.DemoUsers;
import org.hackablemail.launcher.WebAdminClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every fate a plugin can give a message, through a real James: SMTP in, the owner's plugin installed over webadmin,
 * and what arrived read back over IMAP, bounces and replies included. Mail that expects an answer is submitted by an
 * authenticated local user: only a sender the server can vouch for gets replies and bounces ({@link BackscatterTest}).
 */
class PluginMailFlowTest {
    private static final InProcessJames JAMES = new InProcessJames();

    @RegisterExtension
    static JamesServerExtension server = JAMES.extension();

    private static WebAdminClient webAdmin;
    private static Mailboxes mailboxes;
    private String owner;
    private String sender;

    @BeforeAll
    static void setUp() throws Exception {
        webAdmin = JAMES.webAdmin();
        mailboxes = JAMES.mailboxes();
    }

    /** Fresh mailboxes for each test, so that each inbox holds only what the test sent. */
    @BeforeEach
    void newUsers() throws Exception {
        owner = JAMES.newUser("owner");
        sender = JAMES.newUser("sender");
    }

    @Test
    void projectXyzPluginShouldDeliverAndReplyToTheSender() throws Exception {
        install(ExamplePlugins.PROJECT_XYZ_ASSEMBLYSCRIPT);

        mailboxes.submit(sender, List.of(owner), "News about Project XYZ", "It is going well");

        assertThat(mailboxes.awaitMessages(owner, 1)).contains("Subject: News about Project XYZ");
        assertThat(mailboxes.awaitMessages(sender, 1))
            .contains("Subject: RE: News about Project XYZ", "Auto-Submitted: auto-replied", "From: " + owner)
            .contains("Talking about Project XYZ is forbidden");
    }

    @Test
    void subjectTaggerShouldDeliverTheMessageItChanged() throws Exception {
        install(ExamplePlugins.SUBJECT_TAGGER_WAT);

        mailboxes.send(sender, List.of(owner), "Lunch", "At noon?");

        assertThat(mailboxes.awaitMessages(owner, 1)).contains("Subject: [tagged] Lunch").contains("At noon?");
    }

    @Test
    void pluginReturningACodeShouldBounceWithThatCodeAndTheOriginalHeaders() throws Exception {
        install(ExamplePlugins.REFUSE_77);

        mailboxes.submit(sender, List.of(owner), "Buy now", "Cheap");

        assertThat(mailboxes.awaitMessages(sender, 1))
            .contains("Content-Type: multipart/report", "report-type=delivery-status")
            .contains("Final-Recipient: rfc822; " + owner)
            .contains("code 77")
            .contains("Subject: Buy now");
        assertThat(mailboxes.messageCount(owner)).isZero();
    }

    @Test
    void droppingPluginShouldDropOnlyItsOwnersCopyOfAMultiRecipientMessage() throws Exception {
        install(ExamplePlugins.DROP);
        mailboxes.send("stranger@outside.example", List.of(owner, sender), "For both", "Hello both");

        assertThat(mailboxes.awaitMessages(sender, 1)).contains("Subject: For both");
        assertThat(mailboxes.messageCount(owner)).isZero();
    }

    @Test
    void runawayPluginShouldBounceWithCode70ByDefault() throws Exception {
        // It fails its simulations: only an administrator's forced push stores it.
        HttpResponse<String> forced = webAdmin.put("/hackable/plugins/" + owner + "?force=true",
            ExamplePlugins.INFINITE_LOOP.wasm(), "application/wasm");
        assertThat(forced.statusCode()).as(forced.body()).isEqualTo(201);

        mailboxes.submit(sender, List.of(owner), "Are you there?", "Hello");

        assertThat(mailboxes.awaitMessages(sender, 1))
            .contains("Final-Recipient: rfc822; " + owner)
            .contains("code 70")
            .contains("timeout");
        assertThat(mailboxes.messageCount(owner)).isZero();
    }

    @Test
    void removingThePluginShouldLetMailThroughUntouched() throws Exception {
        install(ExamplePlugins.DROP);

        HttpResponse<String> removed = webAdmin.delete("/hackable/plugins/" + owner);
        mailboxes.send(sender, List.of(owner), "Plain", "Untouched");

        assertThat(removed.statusCode()).isEqualTo(204);
        assertThat(mailboxes.awaitMessages(owner, 1)).contains("Subject: Plain");
    }

    @Test
    void installingAModuleWithoutOnEmailShouldBeRefusedAndChangeNothing() throws Exception {
        install(ExamplePlugins.SUBJECT_TAGGER_WAT);

        HttpResponse<String> refused = webAdmin.put("/hackable/plugins/" + owner, ExamplePlugins.MISSING_ON_EMAIL.wasm(),
            "application/octet-stream");
        mailboxes.send(sender, List.of(owner), "Still tagged", "Yes");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("\"type\":\"InvalidArgument\"").contains("onEmail");
        assertThat(mailboxes.awaitMessages(owner, 1)).contains("Subject: [tagged] Still tagged");
    }

    @Test
    void installingGarbageShouldBeRefusedWithAJsonError() throws Exception {
        HttpResponse<String> refused = webAdmin.put("/hackable/plugins/" + owner, "not wasm".getBytes(),
            "application/octet-stream");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("\"statusCode\":400").contains("Invalid plugin");
        assertThat(webAdmin.get("/hackable/plugins/" + owner).statusCode()).isEqualTo(404);
    }

    @Test
    void installingForAnAddressThatIsNotALocalUserShouldBeRefused() throws Exception {
        HttpResponse<String> refused = webAdmin.put("/hackable/plugins/nobody@demo.test", ExamplePlugins.DROP.wasm(),
            "application/wasm");

        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(refused.body()).contains("nobody@demo.test is not a local user");
    }

    @Test
    void activePluginShouldBeReadable() throws Exception {
        install(ExamplePlugins.DROP);

        HttpResponse<String> active = webAdmin.get("/hackable/plugins/" + owner);

        assertThat(active.statusCode()).isEqualTo(200);
        assertThat(active.body()).contains("\"owner\":\"" + owner + "\"", "\"version\":1", "\"digest\":\"");
    }

    private void install(ExamplePlugins plugin) throws Exception {
        HttpResponse<String> response = webAdmin.put("/hackable/plugins/" + owner, plugin.wasm(), "application/wasm");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }
}
