package org.hackablemail.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.hackablemail.cli.HackmailCommand;
import org.hackablemail.launcher.DemoUsers;
import org.hackablemail.launcher.WebAdminClient;
import org.hackablemail.storage.cassandra.testing.SharedCassandra;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/**
 * Growing from one James to several, as an admin would: a stock James on the file system gets plugins, variables,
 * a guest with a push token and a trained spam filter; James is stopped, {@code hackmail storage migrate} copies its
 * state into Cassandra (twice: the second run copies nothing), James is switched to {@code storage=cassandra} and started again, and
 * everything works as before.
 */
class StorageMigrationIT {
    private static final Pattern CODE = Pattern.compile("Your invite code: (\\S+)");

    private static StockJamesNode james;

    @AfterAll
    static void stopJames() throws Exception {
        if (james != null) {
            james.close();
        }
    }

    @Test
    void aNodeMovedFromTheFileSystemToCassandraShouldKeepEverything() throws Exception {
        james = new StockJamesNode("migrated", conf -> {
        }).start();
        String tagged = unique("tagged");
        String away = unique("away");
        String writer = unique("writer");
        String guest = unique("guest");
        List<String> users = List.of(tagged, away, writer, guest, DemoUsers.IT_ADDRESS);
        createUsers(users);
        push(tagged, ExamplePlugins.SUBJECT_TAGGER_WAT);
        push(away, ExamplePlugins.VACATION_RUST);
        james.mailboxes().submit(writer, List.of(away), "Before the move", "are you there?");
        assertThat(james.mailboxes().awaitMessages(writer, 1)).contains("Auto-Submitted: auto-replied");
        String token = pushToken(guest);
        new BayesWebAdmin(james.ports().webAdmin(), james.adminToken()).trainCorpus();
        james.close();

        james.reconfigure(new JamesOnCassandra(SharedCassandra.server().nodes(),
            SharedCassandra.newKeyspaceName("migrated"), Duration.ofSeconds(5)));
        Cli first = migrate();
        Cli second = migrate();

        assertThat(first.exitCode()).as(first.out()).isZero();
        assertThat(first.out()).containsPattern("plugins +3 copied")
            .containsPattern("variables +1 copied").containsPattern("tokens +1 copied")
            .containsPattern("bayes messages +" + 2 * BayesCorpus.TRAINING_SIZE + " copied");
        assertThat(second.exitCode()).as(second.out()).isZero();
        assertThat(second.out()).containsPattern("plugins +0 copied, +3 already")
            .doesNotContainPattern("[1-9]\\d* copied");

        james.start();
        createUsers(users);
        HttpResponse<String> status = james.webAdmin().get("/hackable/status");
        assertThat(status.body()).contains("\"storage\":\"cassandra\"");
        james.mailboxes().send("someone@outside.example", List.of(tagged), "After the move", "still tagged?");
        assertThat(james.mailboxes().awaitMessages(tagged, 1)).contains("Subject: [tagged] After the move");
        james.mailboxes().submit(writer, List.of(away), "After the move", "are you there?");
        assertThat(james.mailboxes().awaitMessages(away, 1)).contains("Subject: After the move");
        Awaitility.await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10))
            .until(() -> james.mailboxes().messageCount(writer) == 0);
        HttpResponse<String> versions = WebAdminClient.onLoopback(james.ports().webAdmin(), token)
            .get("/hackable-guest/plugin/versions");
        assertThat(versions.statusCode()).as(versions.body()).isEqualTo(200);
        assertThat(versions.body()).contains("\"version\":1");
        BayesWebAdmin bayes = new BayesWebAdmin(james.ports().webAdmin(), james.adminToken());
        assertThat(bayes.statistics().get("trainedMessages").asLong()).isEqualTo(2L * BayesCorpus.TRAINING_SIZE);
        james.mailboxes().send("colleague100@work.example", List.of(writer), "Project meeting 100",
            "Minutes of the project meeting: the release schedule, code review and test plan");
        assertThat(james.mailboxes().awaitMessages(writer, 1)).contains("X-Spam-Bayes: no");
    }

    private record Cli(int exitCode, String out) {
    }

    private static Cli migrate() {
        StringWriter out = new StringWriter();
        CommandLine command = new CommandLine(new HackmailCommand());
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(out));
        int exitCode = command.execute("storage", "migrate", "--james", james.home().toString());
        return new Cli(exitCode, out.toString());
    }

    /** A guest's push token, got by the self-service path: a signup mail, the invite, a redemption; then a push. */
    private static String pushToken(String address) throws Exception {
        james.mailboxes().send(address, List.of(DemoUsers.IT_ADDRESS), "/hackablemail signup", "please");
        Matcher code = CODE.matcher(james.mailboxes().awaitMessages(address, 1));
        assertThat(code.find()).isTrue();
        HttpResponse<String> redeemed = WebAdminClient.onLoopback(james.ports().webAdmin(), "none")
            .post("/hackable-guest/redeem", "{\"code\": \"" + code.group(1) + "\"}");
        Matcher token = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(redeemed.body());
        assertThat(token.find()).as(redeemed.body()).isTrue();
        HttpResponse<String> pushed = WebAdminClient.onLoopback(james.ports().webAdmin(), token.group(1))
            .put("/hackable-guest/plugin", ExamplePlugins.SUBJECT_TAGGER_WAT.wasm(), "application/wasm");
        assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(201);
        return token.group(1);
    }

    private static void push(String owner, ExamplePlugins plugin) throws Exception {
        HttpResponse<String> pushed = james.webAdmin().put("/hackable/plugins/" + owner, plugin.wasm(), "application/wasm");
        assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(201);
    }

    /** The memory app keeps users in memory: they are created again after each start. */
    private static void createUsers(List<String> users) throws Exception {
        for (String user : users) {
            james.webAdmin().upsertUser(user, DemoUsers.PASSWORD);
        }
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@" + DemoUsers.DOMAIN;
    }
}
