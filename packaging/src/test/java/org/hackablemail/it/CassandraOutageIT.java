package org.hackablemail.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.Awaitility;
import org.hackablemail.launcher.DemoUsers;
import org.hackablemail.storage.cassandra.testing.CassandraProcess;
import org.hackablemail.storage.cassandra.testing.SharedCassandra;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Cassandra stops while mail streams into a stock James whose bundle keeps its state there, then comes back. Owners
 * whose plugin the node had already read keep getting their mail through it; owners it had not read yet have their
 * mail deferred, not bounced, and delivered once Cassandra is back; pushes meanwhile get a JSON 503 naming the
 * cause; both health reports say the storage is down, then up again. Every message sent ends in its owner's inbox,
 * once, run by the plugin.
 */
class CassandraOutageIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REFRESH = Duration.ofSeconds(1);
    private static final int OWNERS_PER_KIND = 3;

    private static CassandraProcess cassandra;
    private static StockJamesNode james;

    @BeforeAll
    static void startJames() throws Exception {
        cassandra = SharedCassandra.server();
        JamesOnCassandra onCassandra = new JamesOnCassandra(cassandra.nodes(), SharedCassandra.newKeyspaceName("outage"), REFRESH);
        james = new StockJamesNode("outage", conf -> {
            onCassandra.customize(conf);
            // Deferred mail comes back within seconds, not the 15 minutes of james-conf/.
            JamesOnCassandra.replace(conf.resolve("mailetcontainer.xml"), "<retryDelay>15 minutes</retryDelay>",
                "<retryDelay>2 seconds</retryDelay>");
        }).start();
    }

    @AfterAll
    static void stopJames() throws Exception {
        if (james != null) {
            james.close();
        }
        if (cassandra != null && !cassandra.isRunning()) {
            cassandra.start(Duration.ofMinutes(3));
        }
    }

    @Test
    void everyMessageShouldReachItsOwnerWhenCassandraStopsDuringAStreamOfMail() throws Exception {
        List<String> warm = owners("warm");
        List<String> cold = owners("cold");
        Mailboxes mailboxes = james.mailboxes();
        for (String owner : warm) {
            mailboxes.send("someone@outside.example", List.of(owner), "Warm-up", "this node reads the plugin now");
            assertThat(mailboxes.awaitMessages(owner, 1)).contains("Subject: [tagged] Warm-up");
        }
        List<String> everyone = new ArrayList<>(warm);
        everyone.addAll(cold);
        // The cold owners get their first message once Cassandra is down: this node has never read their plugin.
        AtomicReference<List<String>> recipients = new AtomicReference<>(warm);
        Map<String, AtomicInteger> sent = new ConcurrentHashMap<>();
        AtomicBoolean streaming = new AtomicBoolean(true);
        ExecutorService stream = Executors.newSingleThreadExecutor();
        Future<?> sender = stream.submit(() -> {
            for (int i = 0; streaming.get(); i++) {
                List<String> owners = recipients.get();
                String owner = owners.get(i % owners.size());
                mailboxes.send("someone@outside.example", List.of(owner), "Stream " + i, "message " + i);
                sent.computeIfAbsent(owner, any -> new AtomicInteger()).incrementAndGet();
                Thread.sleep(200);
            }
            return null;
        });
        try {
            Thread.sleep(2000);
            cassandra.stop();
            recipients.set(everyone);

            HttpResponse<String> push = james.webAdmin().put("/hackable/plugins/" + cold.get(0),
                ExamplePlugins.SUBJECT_TAGGER_WAT.wasm(), "application/wasm");
            assertThat(push.statusCode()).as(push.body()).isEqualTo(503);
            assertThat(JSON.readTree(push.body()).get("message").asText()).contains("Cassandra");
            assertThat(storageHealthy()).isFalse();
            HttpResponse<String> jamesHealth = james.webAdmin().get("/healthcheck");
            assertThat(jamesHealth.statusCode()).isEqualTo(503);
            assertThat(jamesHealth.body()).contains("Hackable Mail", "storage: Cassandra does not answer");
            Thread.sleep(3000);

            cassandra.start(Duration.ofMinutes(3));
            Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).until(CassandraOutageIT::storageHealthy);
            Thread.sleep(2000);
        } finally {
            streaming.set(false);
            sender.get();
            stream.shutdown();
        }

        for (String owner : everyone) {
            int expected = sent.getOrDefault(owner, new AtomicInteger()).get() + (warm.contains(owner) ? 1 : 0);
            Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> mailboxes.messageCount(owner) >= expected);
            assertThat(mailboxes.messageCount(owner)).as("messages of %s", owner).isEqualTo(expected);
            assertThat(mailboxes.awaitLastMessage(owner, expected)).contains("Subject: [tagged] Stream ");
        }
        assertThat(cold).allSatisfy(owner -> assertThat(sent.get(owner).get()).isPositive());
    }

    /** Owners with the subject tagger, pushed while Cassandra is up, under names no other test uses. */
    private static List<String> owners(String kind) throws Exception {
        List<String> owners = new ArrayList<>();
        for (int i = 0; i < OWNERS_PER_KIND; i++) {
            String owner = kind + "-" + UUID.randomUUID().toString().substring(0, 8) + "@" + DemoUsers.DOMAIN;
            james.webAdmin().upsertUser(owner, DemoUsers.PASSWORD);
            HttpResponse<String> pushed = james.webAdmin().put("/hackable/plugins/" + owner,
                ExamplePlugins.SUBJECT_TAGGER_WAT.wasm(), "application/wasm");
            assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(201);
            owners.add(owner);
        }
        return owners;
    }

    private static boolean storageHealthy() throws Exception {
        JsonNode status = JSON.readTree(james.webAdmin().get("/hackable/status").body());
        for (JsonNode component : status.get("components")) {
            if (component.get("name").asText().equals("storage")) {
                return component.get("healthy").asBoolean();
            }
        }
        throw new AssertionError("No storage component in " + status);
    }
}
