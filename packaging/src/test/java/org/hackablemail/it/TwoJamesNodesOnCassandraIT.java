package org.hackablemail.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.hackablemail.core.Concurrently;
import org.hackablemail.launcher.DemoUsers;
import org.hackablemail.launcher.WebAdminClient;
import org.hackablemail.storage.cassandra.testing.SharedCassandra;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two stock James 3.8.1 processes, each with the extension jar in extensions-jars/, sharing the bundle's state in
 * one Cassandra: what one node is told, the other does, within the propagation bound ({@code storage.refresh}, 1 s
 * here). The nodes read James's own {@code cassandra.properties}, as on Distributed James. Users and mailboxes are
 * each node's own (the memory app), so every user exists on both and each node's mail is read on that node.
 */
class TwoJamesNodesOnCassandraIT {
    private static final Duration REFRESH = Duration.ofSeconds(1);
    /** Mail takes its own time through each node; this bounds the bound plus that time. */
    private static final Duration WITHIN_THE_BOUND = Duration.ofSeconds(20);
    private static final Pattern CODE = Pattern.compile("Your invite code: (\\S+)");
    private static final String PLUGIN = "/hackable-guest/plugin";

    private static StockJamesNode nodeA;
    private static StockJamesNode nodeB;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        String nodes = SharedCassandra.server().nodes();
        String keyspace = SharedCassandra.newKeyspaceName("two_nodes");
        JamesOnCassandra onCassandra = new JamesOnCassandra(nodes, keyspace, REFRESH);
        nodeA = new StockJamesNode("node-a", onCassandra);
        nodeB = new StockJamesNode("node-b", onCassandra);
        ExecutorService starts = Executors.newFixedThreadPool(2);
        try {
            Future<StockJamesNode> a = starts.submit(nodeA::start);
            Future<StockJamesNode> b = starts.submit(nodeB::start);
            a.get();
            b.get();
        } finally {
            starts.shutdownNow();
        }
        for (StockJamesNode node : List.of(nodeA, nodeB)) {
            node.webAdmin().upsertUser(DemoUsers.IT_ADDRESS, DemoUsers.PASSWORD);
        }
    }

    @AfterAll
    static void stopTwoNodes() throws Exception {
        for (StockJamesNode node : new StockJamesNode[] {nodeA, nodeB}) {
            if (node != null) {
                node.close();
            }
        }
    }

    @Test
    void bothNodesShouldReportTheirStorageOnCassandra() throws Exception {
        for (StockJamesNode node : List.of(nodeA, nodeB)) {
            HttpResponse<String> status = node.webAdmin().get("/hackable/status");

            assertThat(status.body()).contains("\"storage\":\"cassandra\"", "\"name\":\"storage\"", "Cassandra answers: ");
        }
    }

    @Test
    void aPluginPushedOnAShouldRunForMailThroughB() throws Exception {
        String owner = newUserOnBoth("pushed");
        Mailboxes mailThroughB = nodeB.mailboxes();
        mailThroughB.send("someone@outside.example", List.of(owner), "Before the push", "B has seen this owner");
        assertThat(mailThroughB.awaitMessages(owner, 1)).contains("Subject: Before the push");

        HttpResponse<String> pushed = nodeA.webAdmin().put("/hackable/plugins/" + owner,
            ExamplePlugins.SUBJECT_TAGGER_WAT.wasm(), "application/wasm");

        assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(201);
        assertThat(untilTagged(mailThroughB, owner)).contains("Subject: [tagged] ");
    }

    @Test
    void aRollbackOnBShouldBeFollowedByAWithinTheBound() throws Exception {
        String owner = newUserOnBoth("rolled");
        WebAdminClient adminA = nodeA.webAdmin();
        assertThat(adminA.put("/hackable/plugins/" + owner, ExamplePlugins.SUBJECT_TAGGER_WAT.wasm(), "application/wasm")
            .statusCode()).isEqualTo(201);
        assertThat(adminA.put("/hackable/plugins/" + owner, ExamplePlugins.DELIVER_INPUT.wasm(), "application/wasm").statusCode()).isEqualTo(201);
        Mailboxes mailThroughA = nodeA.mailboxes();
        mailThroughA.send("someone@outside.example", List.of(owner), "Untagged", "version 2 does not tag");
        assertThat(mailThroughA.awaitMessages(owner, 1)).contains("Subject: Untagged");

        HttpResponse<String> rolledBack = nodeB.webAdmin().post("/hackable/plugins/" + owner + "/versions/1/activate");

        assertThat(rolledBack.statusCode()).as(rolledBack.body()).isEqualTo(200);
        assertThat(untilTagged(mailThroughA, owner)).contains("Subject: [tagged] ");
    }

    @Test
    void anInviteRequestedThroughAShouldBeRedeemedOnBAndItsTokenWorkThere() throws Exception {
        String owner = newUserOnBoth("invited");
        String code = invite(owner);

        HttpResponse<String> redeemed = redeem(nodeB, code);
        HttpResponse<String> again = redeem(nodeA, code);

        assertThat(redeemed.statusCode()).as(redeemed.body()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(400);
        WebAdminClient guestOnB = WebAdminClient.onLoopback(nodeB.ports().webAdmin(), token(redeemed));
        HttpResponse<String> pushed = guestOnB.put(PLUGIN, ExamplePlugins.SUBJECT_TAGGER_WAT.wasm(), "application/wasm");
        assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(201);
        assertThat(untilTagged(nodeA.mailboxes(), owner)).contains("Subject: [tagged] ");
    }

    @Test
    void ofTwoRedemptionsOfOneCodeOnBothNodesAtOnceExactlyOneShouldGetAToken() throws Exception {
        String owner = newUserOnBoth("raced");
        String code = invite(owner);

        List<HttpResponse<String>> answers = Concurrently.run(2, node -> () -> redeem(node == 0 ? nodeA : nodeB, code));

        assertThat(answers).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(201, 400);
        assertThat(nodeA.webAdmin().get("/hackable/guests").body()).contains("{\"address\":\"" + owner + "\",\"tokens\":1}");
    }

    @Test
    void aVacationResponderShouldAnswerOnceWhenTheSameSenderReachesBothNodesAtOnce() throws Exception {
        String owner = newUserOnBoth("away");
        String sender = newUserOnBoth("writer");
        assertThat(nodeA.webAdmin().put("/hackable/plugins/" + owner, ExamplePlugins.VACATION_RUST.wasm(), "application/wasm")
            .statusCode()).isEqualTo(201);

        Concurrently.run(2, node -> () -> {
            (node == 0 ? nodeA : nodeB).mailboxes().submit(sender, List.of(owner), node == 0 ? "Through A" : "Through B",
                "Are you there?");
            return null;
        });

        assertThat(nodeA.mailboxes().awaitMessages(owner, 1)).contains("Through A");
        assertThat(nodeB.mailboxes().awaitMessages(owner, 1)).contains("Through B");
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> replies(sender) >= 1);
        Awaitility.await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10)).until(() -> replies(sender) == 1);
    }

    @Test
    void spamFilterTrainingThroughAShouldClassifyMailOnB() throws Exception {
        String reader = newUserOnBoth("reader");
        BayesWebAdmin bayesOnB = new BayesWebAdmin(nodeB.ports().webAdmin(), nodeB.adminToken());

        new BayesWebAdmin(nodeA.ports().webAdmin(), nodeA.adminToken()).trainCorpus();

        Awaitility.await().atMost(WITHIN_THE_BOUND).until(() ->
            bayesOnB.statistics().get("trainedMessages").asLong() == 2L * BayesCorpus.TRAINING_SIZE);
        nodeB.mailboxes().send("colleague100@work.example", List.of(reader), "Project meeting 100",
            "Minutes of the project meeting: the release schedule, code review and test plan");
        assertThat(nodeB.mailboxes().awaitMessages(reader, 1)).contains("X-Spam-Bayes: no", "Subject: Project meeting 100");
    }

    private static long replies(String sender) throws Exception {
        return nodeA.mailboxes().messageCount(sender) + nodeB.mailboxes().messageCount(sender);
    }

    /**
     * Sends mail until a message reaches the owner tagged, as a node may still run the owner's former plugin (which
     * must deliver too), and fails when that takes longer than the bound and the mail's own time allow.
     */
    private static String untilTagged(Mailboxes mailboxes, String owner) throws Exception {
        Instant deadline = Instant.now().plus(WITHIN_THE_BOUND);
        while (true) {
            long before = mailboxes.messageCount(owner);
            String subject = "Probe " + UUID.randomUUID();
            mailboxes.send("someone@outside.example", List.of(owner), subject, "which plugin runs?");
            String last = mailboxes.awaitLastMessage(owner, (int) before + 1);
            if (last.contains("Subject: [tagged] " + subject)) {
                return last;
            }
            assertThat(Instant.now()).as("the change reached the node within the bound").isBefore(deadline);
            Thread.sleep(REFRESH.toMillis() / 2);
        }
    }

    /** A user that exists on both nodes, with a name no other test uses. */
    private static String newUserOnBoth(String prefix) throws Exception {
        String address = prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@" + DemoUsers.DOMAIN;
        nodeA.webAdmin().upsertUser(address, DemoUsers.PASSWORD);
        nodeB.webAdmin().upsertUser(address, DemoUsers.PASSWORD);
        return address;
    }

    /** An invite requested by mail through node A, read from the owner's inbox there. */
    private static String invite(String owner) throws Exception {
        Mailboxes mailThroughA = nodeA.mailboxes();
        mailThroughA.send(owner, List.of(DemoUsers.IT_ADDRESS), "/hackablemail signup", "please");
        Matcher code = CODE.matcher(mailThroughA.awaitMessages(owner, 1));
        assertThat(code.find()).isTrue();
        return code.group(1);
    }

    private static HttpResponse<String> redeem(StockJamesNode node, String code) throws Exception {
        return WebAdminClient.onLoopback(node.ports().webAdmin(), "none")
            .post("/hackable-guest/redeem", "{\"code\": \"" + code + "\"}");
    }

    private static String token(HttpResponse<String> redeemed) {
        Matcher token = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(redeemed.body());
        assertThat(token.find()).as(redeemed.body()).isTrue();
        return token.group(1);
    }
}
