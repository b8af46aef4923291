package org.hackablemail.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.james.JamesServerExtension;
import org.hackablemail.launcher.WebAdminClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a careless plugin, or a failing host, does to an owner's mail in a real James (a plugin too slow for
 * production: {@link SlowPluginPushTest}): one that keeps failing is suspended, its owner told once, their mail
 * delivered, until a new push; mail the host cannot run a plugin on is retried without counting, then kept for the
 * admin, never bounced.
 */
class CarelessPluginTest {
    private static final String DEFERRED = "var/mail/plugin-deferred/";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Retries after a second, a plugin's own 75 never (so that a counted deferral would bounce at once). */
    private static final InProcessJames JAMES = new InProcessJames(conf -> edit(conf.resolve("mailetcontainer.xml"),
        "<retryDelay>15 minutes</retryDelay>", "<retryDelay>1 seconds</retryDelay>",
        "<maxRetries>4</maxRetries>", "<maxRetries>0</maxRetries>",
        "<maxDeferral>2 days</maxDeferral>", "<maxDeferral>3 seconds</maxDeferral>"));

    @RegisterExtension
    static JamesServerExtension server = JAMES.extension();

    private static WebAdminClient webAdmin;
    private static Mailboxes mailboxes;
    private String owner;

    @BeforeAll
    static void setUp() {
        webAdmin = JAMES.webAdmin();
        mailboxes = JAMES.mailboxes();
    }

    @BeforeEach
    void newOwner() throws Exception {
        owner = JAMES.newUser("owner");
    }

    @Test
    void aPluginThatKeepsFailingShouldBeSuspendedItsOwnerToldOnceAndRunAgainAfterAPush() throws Exception {
        forcePush(ExamplePlugins.TRAP);
        List<String> senders = List.of(JAMES.newUser("a"), JAMES.newUser("b"), JAMES.newUser("c"));
        for (int i = 0; i < 5; i++) {
            mailboxes.submit(senders.get(i % 3), List.of(owner), "Failing " + i, "Hello");
        }
        for (String sender : senders) {
            assertThat(mailboxes.awaitMessages(sender, sender.equals(senders.get(2)) ? 1 : 2))
                .contains("Final-Recipient: rfc822; " + owner, "code 70");
        }
        assertThat(mailboxes.awaitMessages(owner, 1)).contains("Subject: Your mail plugin is suspended",
            "failed on 5 messages in a row", "trap: ");
        assertThat(JSON.readTree(webAdmin.get("/hackable/status").body()).path("suspendedPlugins").toString())
            .contains(owner);
        assertThat(JSON.readTree(webAdmin.get("/hackable/plugins/" + owner).body()).path("circuit").path("suspended")
            .asBoolean()).isTrue();

        mailboxes.submit(senders.get(0), List.of(owner), "While suspended", "Hello");
        mailboxes.submit(senders.get(1), List.of(owner), "Still suspended", "Hello");

        // One notice, and the two messages delivered unchanged (in either order).
        mailboxes.awaitMessages(owner, 3);

        push(ExamplePlugins.SUBJECT_TAGGER_WAT);
        mailboxes.submit(senders.get(2), List.of(owner), "Running again", "Hello");

        assertThat(mailboxes.awaitLastMessage(owner, 4)).contains("Subject: [tagged] Running again");
        assertThat(JSON.readTree(webAdmin.get("/hackable/status").body()).path("suspendedPlugins").toString())
            .doesNotContain(owner);
    }

    @Test
    void mailTheHostCannotRunAPluginOnShouldBeRetriedWithoutCountingThenKeptForTheAdmin() throws Exception {
        String sender = JAMES.newUser("sender");
        push(ExamplePlugins.DROP);
        // The owner's variables are read before each call: a directory where their file should be makes every read
        // fail, as a broken disk would.
        Files.createDirectories(JAMES.workingDirectory().resolve("var/hackable-mail/plugin-vars")
            .resolve(URLEncoder.encode(owner, StandardCharsets.UTF_8) + ".json"));

        mailboxes.submit(sender, List.of(owner), "Kept for the admin", "Hello");

        JsonNode kept = Mailboxes.AWAIT.until(() -> new MailRepositories(webAdmin).mails(DEFERRED).stream()
            .filter(mail -> mail.path("sender").asText().equals(sender)).findFirst(), found -> found.isPresent()).orElseThrow();
        assertThat(kept.path("recipients").toString()).contains(owner);
        assertThat(kept.path("error").asText()).contains("storage is unavailable", "deferred since");
        assertThat(mailboxes.messageCount(sender)).as("no bounce").isZero();
        assertThat(mailboxes.messageCount(owner)).isZero();
    }

    private void push(ExamplePlugins plugin) throws Exception {
        HttpResponse<String> pushed = webAdmin.put("/hackable/plugins/" + owner, plugin.wasm(), "application/wasm");
        assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(201);
    }

    /** It fails its simulations: only an administrator's forced push stores it. */
    private void forcePush(ExamplePlugins plugin) throws Exception {
        HttpResponse<String> pushed = webAdmin.put("/hackable/plugins/" + owner + "?force=true", plugin.wasm(),
            "application/wasm");
        assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(201);
    }

    private static void edit(Path file, String... replacements) throws IOException {
        String content = Files.readString(file);
        for (int i = 0; i < replacements.length; i += 2) {
            assertThat(content).as(file.toString()).contains(replacements[i]);
            content = content.replace(replacements[i], replacements[i + 1]);
        }
        Files.writeString(file, content);
    }
}
