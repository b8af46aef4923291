package org.hackablemail.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.james.utils.SMTPMessageSender;
import org.apache.james.utils.SMTPSendingException;
import org.apache.james.utils.TestIMAPClient;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.hackablemail.launcher.DemoUsers;
import org.hackablemail.launcher.ServerPorts;
import org.hackablemail.launcher.WebAdminClient;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What must hold of any James running james-conf/ with the extension, however it was started: mail flows over real
 * SMTP and IMAP, and the bundle answers on webadmin and in James's health check.
 */
abstract class HackableMailServerContract {
    static final String ALICE = DemoUsers.ADDRESSES.get(0);
    static final String BOB = DemoUsers.ADDRESSES.get(1);
    static final ConditionFactory AWAIT = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100));

    private static final ObjectMapper JSON = new ObjectMapper();

    protected abstract ServerPorts ports();

    protected abstract String adminToken();

    protected WebAdminClient webAdmin() {
        return WebAdminClient.onLoopback(ports().webAdmin(), adminToken());
    }

    @Test
    void mailSentToTheMxPortShouldBeReadableOverImap() throws Exception {
        String subject = "hello " + UUID.randomUUID();
        try (SMTPMessageSender smtp = SMTPMessageSender.noAuthentication("127.0.0.1", ports().smtp(), "outside.example")) {
            smtp.sendMessageWithHeaders("stranger@outside.example", BOB,
                "From: stranger@outside.example\r\nTo: " + BOB + "\r\nSubject: " + subject + "\r\n\r\nHi Bob\r\n");
        }

        assertThat(readFirstMessage(BOB)).contains("Subject: " + subject).contains("Hi Bob");
    }

    @Test
    void submissionPortShouldRefuseRecipientsBeforeAuthentication() throws Exception {
        try (SMTPMessageSender smtp = SMTPMessageSender.noAuthentication("127.0.0.1", ports().submission(), "outside.example")) {
            assertThatThrownBy(() -> smtp.sendMessage("stranger@outside.example", ALICE))
                .isInstanceOf(SMTPSendingException.class)
                .hasMessageContaining("530");
        }
    }

    @Test
    void submissionPortShouldAcceptMailFromAuthenticatedUsers() throws Exception {
        String subject = "submitted " + UUID.randomUUID();
        try (SMTPMessageSender smtp = SMTPMessageSender.authentication("127.0.0.1", ports().submission(), DemoUsers.DOMAIN,
                BOB, DemoUsers.PASSWORD)) {
            smtp.sendMessageWithHeaders(BOB, ALICE,
                "From: " + BOB + "\r\nTo: " + ALICE + "\r\nSubject: " + subject + "\r\n\r\nHi Alice\r\n");
        }

        assertThat(readFirstMessage(ALICE)).contains("Subject: " + subject);
    }

    /** The plugin host (Chicory, its AOT compiler and the relocated ASM) works inside this James. */
    @Test
    void projectXyzPluginShouldDeliverAndReplyToTheSender() throws Exception {
        String owner = "xyz-owner@demo.test";
        String sender = "xyz-sender@demo.test";
        webAdmin().upsertUser(owner, DemoUsers.PASSWORD);
        webAdmin().upsertUser(sender, DemoUsers.PASSWORD);
        HttpResponse<String> installed = webAdmin().put("/hackable/plugins/" + owner,
            ExamplePlugins.PROJECT_XYZ_ASSEMBLYSCRIPT.wasm(), "application/wasm");
        assertThat(installed.statusCode()).as(installed.body()).isEqualTo(201);
        Mailboxes mailboxes = new Mailboxes(ports());

        mailboxes.submit(sender, List.of(owner), "Project XYZ status", "All good");

        assertThat(mailboxes.awaitMessages(owner, 1)).contains("Subject: Project XYZ status");
        assertThat(mailboxes.awaitMessages(sender, 1)).contains("Subject: RE: Project XYZ status", "Auto-Submitted: auto-replied");
    }

    /**
     * The message snapshot (James's own mime4j and jsoup, neither bundled) works inside this James: an HTML-only
     * message reaches the plugin as text, and a damaged one with its attachment and its problems.
     */
    @Test
    void pluginsShouldSeeTheTextOfHtmlAndTheAttachmentsOfDamagedMail() throws Exception {
        String owner = "html-owner@demo.test";
        String reporter = "report-owner@demo.test";
        String sender = "html-sender@demo.test";
        for (String user : List.of(owner, reporter, sender)) {
            webAdmin().upsertUser(user, DemoUsers.PASSWORD);
        }
        assertThat(webAdmin().put("/hackable/plugins/" + owner, ExamplePlugins.PROJECT_XYZ_ASSEMBLYSCRIPT.wasm(),
            "application/wasm").statusCode()).isEqualTo(201);
        assertThat(webAdmin().put("/hackable/plugins/" + reporter, ExamplePlugins.REPORT_SEEN.wasm(),
            "application/wasm").statusCode()).isEqualTo(201);
        Mailboxes mailboxes = new Mailboxes(ports());

        // Through the submission port: the server vouches for an authenticated sender, so the plugin's reply goes out.
        try (SMTPMessageSender smtp = SMTPMessageSender.authentication("127.0.0.1", ports().submission(),
                DemoUsers.DOMAIN, sender, DemoUsers.PASSWORD)) {
            smtp.sendMessageWithHeaders(sender, owner, "From: " + sender + "\r\nSubject: status\r\n"
                + "Content-Type: text/html\r\n\r\n<html><body><p>About Project <!-- a -->X<b>YZ</b></p></body></html>\r\n");
        }
        try (SMTPMessageSender smtp = SMTPMessageSender.noAuthentication("127.0.0.1", ports().smtp(), "outside.example")) {
            smtp.sendMessageWithHeaders("stranger@outside.example", reporter, "From: stranger@outside.example\r\nSubject: damaged\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/html; charset=x-nope\r\n\r\n"
                + "<p>read me</p>\r\n--b\r\nContent-Type: application/x-msdownload; name=\"evil.exe\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\nTVqQ\r\n--b--\r\n");
        }

        assertThat(mailboxes.awaitMessages(sender, 1)).contains("Talking about Project XYZ is forbidden");
        assertThat(mailboxes.awaitMessages(reporter, 1))
            .contains("X-Seen-Attachments: [{\"name\":\"evil.exe\"")
            .contains("unknown-charset");
    }

    /** The Bayes token store (Lucene, relocated in the extension jar, with its codecs found by SPI) works inside this James. */
    @Test
    void bayesianFilterShouldLearnOverWebadminAndTagMail() throws Exception {
        BayesWebAdmin bayes = new BayesWebAdmin(ports().webAdmin(), adminToken());
        String reader = "bayes-reader@demo.test";
        webAdmin().upsertUser(reader, DemoUsers.PASSWORD);
        try {
            bayes.trainCorpus();

            new Mailboxes(ports()).send("stranger@outside.example", List.of(reader), "Project meeting 9",
                "Minutes of the project meeting: the release schedule, code review and test plan");

            assertThat(bayes.statistics().get("spamMessages").asLong()).isEqualTo(BayesCorpus.TRAINING_SIZE);
            assertThat(readFirstMessage(reader)).contains("X-Spam-Bayes: no", "X-Spam-Bayes-Score: 0.0000");
        } finally {
            bayes.reset();
        }
    }

    /** The mailbox listener of listeners.xml is loaded from the bundle and learns a user's move into Spam. */
    @Test
    void movingMailIntoSpamShouldTeachTheUsersLayer() throws Exception {
        BayesWebAdmin bayes = new BayesWebAdmin(ports().webAdmin(), adminToken());
        String reader = "spam-mover@demo.test";
        webAdmin().upsertUser(reader, DemoUsers.PASSWORD);
        Mailboxes mailboxes = new Mailboxes(ports());
        try {
            mailboxes.send("stranger@outside.example", List.of(reader), "Cheap pills", "Cheap pills and casino bonus");
            mailboxes.awaitMessages(reader, 1);
            try (BayesImap imap = new BayesImap(ports().imap(), reader)) {
                imap.ensure("Spam").select("INBOX").moveFirst("Spam");
            }

            Mailboxes.AWAIT.until(() -> bayes.layer(reader).get("spamMessages").asLong() == 1);
        } finally {
            bayes.reset();
        }
    }

    @Test
    void statusShouldReportVersionConfigurationAndHealthyDataDirectory() throws Exception {
        HttpResponse<String> response = webAdmin().get("/hackable/status");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode status = JSON.readTree(response.body());
        assertThat(status.get("version").asText()).isNotBlank();
        assertThat(status.get("healthy").asBoolean()).isTrue();
        assertThat(status.at("/configuration/source").asText()).endsWith("conf/hackable-mail.properties");
        assertThat(status.at("/configuration/values/data.directory").asText()).endsWith("var/hackable-mail");
        assertThat(status.get("components").findValuesAsText("name")).contains("dataDirectory", "bayes");
    }

    @Test
    void statusShouldRequireAnAdminToken() throws Exception {
        HttpResponse<String> response = WebAdminClient.onLoopback(ports().webAdmin(), "not-a-token").get("/hackable/status");

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void jamesHealthCheckShouldIncludeTheBundle() throws Exception {
        HttpResponse<String> response = webAdmin().get("/healthcheck/checks");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).findValuesAsText("componentName")).contains("Hackable Mail");
    }

    private String readFirstMessage(String user) throws Exception {
        try (TestIMAPClient imap = new TestIMAPClient()) {
            imap.connect("127.0.0.1", ports().imap())
                .login(user, DemoUsers.PASSWORD)
                .select(TestIMAPClient.INBOX)
                .awaitMessage(AWAIT);
        }
        return Mailboxes.readFirstMessage(ports().imap(), user, TestIMAPClient.INBOX);
    }
}
