package org.hackablemail.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.james.JamesServerExtension;
import org.hackablemail.cli.HackmailCommand;
import org.hackablemail.launcher.WebAdminClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

/**
 * The trace through a real James: mail over SMTP through owners' plugins, what each run did read back by admins
 * ({@code /hackable/plugins/{owner}/trace}) and by the owner (the guest endpoint), paged, within its bounds, and
 * never another owner's.
 */
class PluginTraceTest {
    private static final int KEPT = 4;
    private static final InProcessJames JAMES = new InProcessJames(PluginTraceTest::keepFew);
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static JamesServerExtension server = JAMES.extension();

    private static WebAdminClient webAdmin;
    private static Mailboxes mailboxes;
    private String owner;
    private String sender;

    private static void keepFew(Path conf) throws IOException {
        Path properties = conf.resolve("hackable-mail.properties");
        String original = Files.readString(properties);
        assertThat(original).contains("trace.max.entries=500");
        Files.writeString(properties, original.replace("trace.max.entries=500", "trace.max.entries=" + KEPT));
    }

    @BeforeAll
    static void setUp() {
        webAdmin = JAMES.webAdmin();
        mailboxes = JAMES.mailboxes();
    }

    @BeforeEach
    void newUsers() throws Exception {
        owner = JAMES.newUser("traced");
        sender = JAMES.newUser("sender");
    }

    private void install(ExamplePlugins plugin) throws Exception {
        HttpResponse<String> pushed = webAdmin.put("/hackable/plugins/" + owner + "?force=true", plugin.wasm(),
            "application/wasm");
        assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(201);
    }

    private JsonNode trace(WebAdminClient client, String path) throws Exception {
        HttpResponse<String> response = client.get(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** Waits until the owner's trace holds {@code count} entries, and gives them. */
    private JsonNode awaitEntries(int count) {
        JsonNode[] entries = new JsonNode[1];
        Mailboxes.AWAIT.untilAsserted(() -> {
            entries[0] = trace(webAdmin, "/hackable/plugins/" + owner + "/trace").path("entries");
            assertThat(entries[0].size()).isEqualTo(count);
        });
        return entries[0];
    }

    @Test
    void aDeliveryThatChangedTheMessageShouldBeTracedWithItsChanges() throws Exception {
        install(ExamplePlugins.SUBJECT_TAGGER_WAT);

        mailboxes.send(sender, List.of(owner), "Lunch <b>today</b>", "At noon?");

        JsonNode entry = awaitEntries(1).get(0);
        assertThat(entry.path("outcome").asText()).isEqualTo("delivered");
        assertThat(entry.path("returnCode").asInt()).isZero();
        assertThat(entry.path("version").asInt()).isEqualTo(1);
        assertThat(entry.path("sender").asText()).isEqualTo(sender);
        assertThat(entry.path("subject").asText()).isEqualTo("Lunch <b>today</b>");
        assertThat(entry.path("messageId").asText()).endsWith("@outside.example");
        assertThat(entry.path("delivered").path("changedHeaders").get(0).path("value").asText())
            .isEqualTo("[tagged] Lunch <b>today</b>");
        assertThat(entry.path("durationMillis").asDouble()).isPositive();
        assertThat(mailboxes.awaitMessages(owner, 1)).contains("Subject: [tagged] Lunch");
    }

    @Test
    void aReplyShouldBeTracedWithItsSubject() throws Exception {
        install(ExamplePlugins.PROJECT_XYZ_ASSEMBLYSCRIPT);

        // Submitted, authenticated: a sender the server vouches for, whom replies and bounces may reach.
        mailboxes.submit(sender, List.of(owner), "Project XYZ", "News");

        JsonNode entry = awaitEntries(1).get(0);
        assertThat(entry.path("outcome").asText()).isEqualTo("delivered");
        assertThat(entry.path("reply").path("subject").asText()).isEqualTo("RE: Project XYZ");
        assertThat(mailboxes.awaitMessages(sender, 1)).contains("Subject: RE: Project XYZ");
    }

    @Test
    void aBounceShouldBeTracedWithTheCode() throws Exception {
        install(ExamplePlugins.REFUSE_77);

        mailboxes.submit(sender, List.of(owner), "Buy now", "Cheap");

        JsonNode entry = awaitEntries(1).get(0);
        assertThat(entry.path("outcome").asText()).isEqualTo("bounced");
        assertThat(entry.path("returnCode").asInt()).isEqualTo(77);
        assertThat(mailboxes.awaitMessages(sender, 1)).contains("code 77");
    }

    @Test
    void aFailureShouldBeTracedWithItsReason() throws Exception {
        install(ExamplePlugins.TRAP);

        mailboxes.send(sender, List.of(owner), "Hello", "there");

        JsonNode entry = awaitEntries(1).get(0);
        assertThat(entry.path("outcome").asText()).isEqualTo("failed:trap");
        assertThat(entry.has("returnCode")).isFalse();
        assertThat(entry.path("failure").path("reason").asText()).isEqualTo("trap");
        assertThat(entry.path("failure").path("message").asText()).isNotBlank();
    }

    @Test
    void theTraceShouldPageBackAndKeepOnlyTheLatestEntries() throws Exception {
        install(ExamplePlugins.DROP);
        for (int i = 1; i <= KEPT + 2; i++) {
            mailboxes.send(sender, List.of(owner), "message " + i, "dropped");
            int sent = i;
            // One at a time, so that the order of the entries is the order of sending.
            Mailboxes.AWAIT.untilAsserted(() -> assertThat(trace(webAdmin, "/hackable/plugins/" + owner
                + "/trace?limit=1").path("entries").get(0).path("subject").asText()).isEqualTo("message " + sent));
        }

        JsonNode latest = trace(webAdmin, "/hackable/plugins/" + owner + "/trace?limit=2");
        JsonNode older = trace(webAdmin, "/hackable/plugins/" + owner + "/trace?limit=10&before="
            + latest.path("entries").get(0).path("id").asLong());

        assertThat(subjects(latest)).containsExactly("message 5", "message 6");
        assertThat(latest.path("more").asBoolean()).isTrue();
        assertThat(subjects(older)).as("only the latest " + KEPT + " are kept").containsExactly("message 3", "message 4");
        assertThat(older.path("more").asBoolean()).isFalse();
    }

    @Test
    void anOwnerShouldReadTheirOwnTraceAndNeverAnothers() throws Exception {
        Invites invites = new Invites(JAMES);
        String other = JAMES.newUser("other");
        WebAdminClient owners = invites.guest(owner);
        WebAdminClient others = invites.guest(other);
        owners.put("/hackable-guest/plugin", ExamplePlugins.SUBJECT_TAGGER_WAT.wasm(), "application/wasm");
        others.put("/hackable-guest/plugin", ExamplePlugins.SUBJECT_TAGGER_WAT.wasm(), "application/wasm");

        mailboxes.send(sender, List.of(owner, other), "To both", "Hi");
        mailboxes.send(sender, List.of(other), "To the other only", "Hi");

        Mailboxes.AWAIT.untilAsserted(() ->
            assertThat(subjects(trace(others, "/hackable-guest/plugin/trace"))).hasSize(2));
        assertThat(subjects(trace(owners, "/hackable-guest/plugin/trace"))).containsExactly("To both");
        assertThat(subjects(trace(owners, "/hackable-guest/plugin/trace?after=0&limit=100"))).containsExactly("To both");
        assertThat(owners.get("/hackable/plugins/" + other + "/trace").statusCode())
            .as("a push token is no admin token").isEqualTo(401);
    }

    @Test
    void theCliShouldSetTheConfigurationAndPrintAndFollowTheTrace() throws Exception {
        String server = "http://127.0.0.1:" + JAMES.ports().webAdmin();
        String token = new Invites(JAMES).token(owner);
        Path blocker = ExamplePlugins.SUBJECT_BLOCKER_C.path();

        Cli configured = Cli.run("plugin", "config", "set", "blocked_subjects=cheap", "--server", server, "--token", token);
        Cli pushed = Cli.run("plugin", "push", blocker.toString(), "--server", server, "--token", token);
        mailboxes.send(sender, List.of(owner), "Cheap \u001b[31moffer", "Buy");
        awaitEntries(1);
        Cli logs = Cli.run("plugin", "logs", "--server", server, "--token", token);
        Cli adminLogs = Cli.run("plugin", "logs", "--owner", owner, "--admin-token", JAMES.adminToken(), "--server", server);

        assertThat(configured.out()).as(configured.err()).isEqualTo("Configuration saved: 1 key(s).\n");
        assertThat(Cli.run("plugin", "config", "get", "--server", server, "--token", token).out())
            .isEqualTo("blocked_subjects=cheap\n");
        assertThat(pushed.exitCode()).as(pushed.err()).isZero();
        assertThat(logs.exitCode()).as(logs.err()).isZero();
        assertThat(logs.out()).contains("v1  bounced", "from " + sender, "\"Cheap \\u001b[31moffer\"",
            "    returned 77\n", "    log INFO: bouncing: subject matches blocked pattern \"cheap\"\n")
            .doesNotContain("\u001b");
        assertThat(adminLogs.out()).as(adminLogs.err()).isEqualTo(logs.out());
    }

    @Test
    void theCliShouldFollowTheTraceUntilStopped() throws Exception {
        String server = "http://127.0.0.1:" + JAMES.ports().webAdmin();
        String token = new Invites(JAMES).token(owner);
        Cli.run("plugin", "push", ExamplePlugins.SUBJECT_TAGGER_WAT.path().toString(), "--server", server, "--token", token);
        StringWriter out = new StringWriter();
        Thread following = new Thread(() -> new CommandLine(new HackmailCommand()).setOut(new PrintWriter(out))
            .setErr(new PrintWriter(new StringWriter()))
            .execute("plugin", "logs", "--follow", "--server", server, "--token", token));
        following.start();

        mailboxes.send(sender, List.of(owner), "First while following", "x");
        mailboxes.send(sender, List.of(owner), "Second while following", "x");

        Mailboxes.AWAIT.untilAsserted(() -> assertThat(out.toString())
            .contains("\"First while following\"", "\"Second while following\"", "changed Subject: [tagged] First"));
        following.interrupt();
        following.join(Duration.ofMinutes(1).toMillis());
        assertThat(following.isAlive()).isFalse();
    }

    private static List<String> subjects(JsonNode page) {
        return page.path("entries").findValuesAsText("subject");
    }
}
