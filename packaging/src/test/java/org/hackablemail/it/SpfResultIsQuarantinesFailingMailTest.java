package org.hackablemail.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hackablemail.it.HackableMailServerContract.ALICE;
import static org.hackablemail.it.HackableMailServerContract.AWAIT;
import static org.hackablemail.it.HackableMailServerContract.BOB;
import static org.hackablemail.it.SpfTestInternet.DENIED_BY_SHOP;
import static org.hackablemail.it.SpfTestInternet.HELO;
import static org.hackablemail.it.SpfTestInternet.MX_HOST_OF_SHOP;
import static org.hackablemail.it.SpfTestInternet.SHOP_SENDER;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.james.JamesServerExtension;
import org.apache.james.utils.TestIMAPClient;
import org.hackablemail.launcher.DemoUsers;
import org.hackablemail.launcher.WebAdminClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code SpfResultIs=fail} placed after the annotator, as docs/spf.md shows, sends mail whose SPF check fails to a
 * quarantine repository instead of the recipient's inbox, and lets other mail through.
 */
class SpfResultIsQuarantinesFailingMailTest {
    private static final String QUARANTINE_PATH = "var/mail/spf-fail/";
    private static final String QUARANTINE_MAILS =
        "/mailRepositories/" + URLEncoder.encode(QUARANTINE_PATH, StandardCharsets.UTF_8) + "/mails";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final InProcessJames JAMES = new InProcessJames(conf -> SpfTestInternet.configure(conf)
        .followedBy("org.hackablemail.matchers.SpfResultIs=fail", "ToRepository",
            Map.of("repositoryPath", "memory://" + QUARANTINE_PATH))
        .write());

    @RegisterExtension
    static SpfTestInternet internet = new SpfTestInternet();

    @RegisterExtension
    static JamesServerExtension server = JAMES.extension();

    @BeforeAll
    static void createRecipients() throws Exception {
        DemoUsers.provision(webAdmin());
    }

    @Test
    void shouldQuarantineMailWhenSpfFails() throws Exception {
        new LoopbackSmtpClient(DENIED_BY_SHOP, HELO).send(JAMES.ports().smtp(), SHOP_SENDER, ALICE,
            "Subject: not from shop.test\r\n\r\nHello\r\n");

        AWAIT.until(() -> quarantinedKeys().size() == 1);
        JsonNode quarantined = quarantined(quarantinedKeys().get(0).asText());
        assertThat(quarantined.get("sender").asText()).isEqualTo(SHOP_SENDER);
        assertThat(quarantined.get("remoteAddr").asText()).isEqualTo(DENIED_BY_SHOP);
        assertThat(messageCount(ALICE)).isZero();
    }

    @Test
    void shouldDeliverMailWhenSpfPasses() throws Exception {
        new LoopbackSmtpClient(MX_HOST_OF_SHOP, HELO).send(JAMES.ports().smtp(), SHOP_SENDER, BOB,
            "Subject: from shop.test\r\n\r\nHello\r\n");

        try (TestIMAPClient imap = new TestIMAPClient()) {
            imap.connect("127.0.0.1", JAMES.ports().imap())
                .login(BOB, DemoUsers.PASSWORD)
                .select(TestIMAPClient.INBOX)
                .awaitMessage(AWAIT);
        }
        assertThat(Mailboxes.readFirstMessage(JAMES.ports().imap(), BOB, TestIMAPClient.INBOX)).contains("Received-SPF: pass ");
    }

    private static WebAdminClient webAdmin() {
        return WebAdminClient.onLoopback(JAMES.ports().webAdmin(), JAMES.adminToken());
    }

    private static JsonNode quarantinedKeys() throws Exception {
        return okJson(webAdmin().get(QUARANTINE_MAILS));
    }

    private static JsonNode quarantined(String key) throws Exception {
        return okJson(webAdmin().get(QUARANTINE_MAILS + "/" + URLEncoder.encode(key, StandardCharsets.UTF_8)));
    }

    private static JsonNode okJson(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static long messageCount(String user) throws Exception {
        try (TestIMAPClient imap = new TestIMAPClient()) {
            return imap.connect("127.0.0.1", JAMES.ports().imap())
                .login(user, DemoUsers.PASSWORD)
                .getMessageCount(TestIMAPClient.INBOX);
        }
    }
}
