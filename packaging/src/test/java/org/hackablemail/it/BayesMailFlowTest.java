package org.hackablemail.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.james.JamesServerExtension;
import org.apache.james.utils.SMTPMessageSender;
import org.apache.james.utils.TestIMAPClient;
import org.hackablemail.launcher.DemoUsers;
import org.hackablemail.launcher.WebAdminClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Bayesian spam tagging through a real James on james-conf/ as shipped: mail in over SMTP, verdict headers and the
 * Spam folder read back over IMAP, training by mail (authenticated and not) and by webadmin.
 */
class BayesMailFlowTest {
    private static final InProcessJames JAMES = new InProcessJames();
    private static final AtomicInteger USERS = new AtomicInteger();
    private static final String SPAM_ADDRESS = DemoUsers.TRAINING_ADDRESSES.get(0);
    private static final String HAM_ADDRESS = DemoUsers.TRAINING_ADDRESSES.get(1);
    private static final String STRANGER = "stranger@outside.example";

    @RegisterExtension
    static JamesServerExtension server = JAMES.extension();

    private static WebAdminClient webAdmin;
    private static BayesWebAdmin bayes;
    private static Mailboxes mailboxes;
    private String user;

    @BeforeAll
    static void setUp() throws Exception {
        webAdmin = JAMES.webAdmin();
        bayes = new BayesWebAdmin(JAMES.ports().webAdmin(), JAMES.adminToken());
        mailboxes = JAMES.mailboxes();
        DemoUsers.provision(webAdmin);
    }

    /** An empty store and a fresh mailbox for each test. */
    @BeforeEach
    void resetStoreAndNewUser() throws Exception {
        assertThat(bayes.reset().statusCode()).isEqualTo(204);
        user = "reader" + USERS.incrementAndGet() + "@demo.test";
        webAdmin.upsertUser(user, DemoUsers.PASSWORD);
    }

    @Test
    void shouldTagUnknownWhenTheStoreIsUntrained() throws Exception {
        sendFromOutside(user, BayesCorpus.spam(1));

        assertThat(mailboxes.awaitMessages(user, 1))
            .contains("X-Spam-Bayes: unknown", "X-Spam-Bayes-Score: 0.5000")
            .doesNotContain("X-Spam-Flag");
    }

    @Test
    void shouldFileSpamInTheSpamFolderWithItsVerdictWhenTrained() throws Exception {
        bayes.trainCorpus();

        sendFromOutside(user, BayesCorpus.spam(100));

        assertThat(awaitInFolder(user, "Spam", 1))
            .contains("X-Spam-Bayes: yes", "X-Spam-Flag: YES", "X-Spam-Bayes-Score: 1.0000", "Subject: Claim your casino prize 100");
        assertThat(mailboxes.messageCount(user)).isZero();
    }

    @Test
    void shouldDeliverHamToTheInboxWithItsVerdictWhenTrained() throws Exception {
        bayes.trainCorpus();

        sendFromOutside(user, BayesCorpus.ham(100));

        assertThat(mailboxes.awaitMessages(user, 1))
            .contains("X-Spam-Bayes: no", "X-Spam-Bayes-Score: 0.0000", "Subject: Project meeting 100")
            .doesNotContain("X-Spam-Flag");
    }

    @Test
    void shouldLearnWhatAnAuthenticatedUserRedirectsToTheSpamAddressAndConfirm() throws Exception {
        webAdmin.upsertUser(SPAM_ADDRESS, DemoUsers.PASSWORD);

        sendAuthenticated(user, SPAM_ADDRESS, BayesCorpus.spam(1));

        assertThat(mailboxes.awaitMessages(user, 1))
            .contains("Subject: Learnt 1 message(s) as spam", "From: " + SPAM_ADDRESS, "Auto-Submitted: auto-replied");
        assertThat(bayes.statistics().get("trainedMessages").asLong()).isEqualTo(1);
        assertThat(bayes.statistics().get("spamMessages").asLong()).as("the shared model").isZero();
        assertThat(mailboxes.messageCount(SPAM_ADDRESS)).isZero();
    }

    @Test
    void trainingByMailShouldTeachTheUsersOwnLayerEnoughToFileTheirSpam() throws Exception {
        for (int i = 0; i < BayesCorpus.TRAINING_SIZE; i++) {
            sendAuthenticated(user, SPAM_ADDRESS, BayesCorpus.spam(i));
            sendAuthenticated(user, HAM_ADDRESS, BayesCorpus.ham(i));
        }
        Mailboxes.AWAIT.until(() -> bayes.statistics().get("trainedMessages").asLong() == 2L * BayesCorpus.TRAINING_SIZE);
        String reader = "other" + USERS.incrementAndGet() + "@demo.test";
        webAdmin.upsertUser(reader, DemoUsers.PASSWORD);

        sendFromOutside(List.of(user, reader), BayesCorpus.spam(100));

        assertThat(awaitInFolder(user, "Spam", 1)).contains("X-Spam-Bayes: yes", "X-Spam-Bayes-Model: personal");
        assertThat(mailboxes.awaitMessages(reader, 1)).contains("X-Spam-Bayes: unknown", "X-Spam-Bayes-Model: shared");
        assertThat(bayes.statistics().get("spamMessages").asLong()).as("the shared model").isZero();
    }

    @Test
    void shouldNeitherLearnNorDeliverTrainingMailFromUnauthenticatedSenders() throws Exception {
        webAdmin.upsertUser(SPAM_ADDRESS, DemoUsers.PASSWORD);

        // The same mail goes to the reader: once it is delivered, the trainer has seen it.
        sendFromOutside(List.of(SPAM_ADDRESS, user), BayesCorpus.spam(1));

        assertThat(mailboxes.awaitMessages(user, 1)).contains("Subject: Claim your casino prize 1");
        assertThat(bayes.statistics().get("trainedMessages").asLong()).isZero();
        assertThat(mailboxes.messageCount(SPAM_ADDRESS)).isZero();
    }

    @Test
    void shouldClassifyEveryMessageWhileTrainingGoesOn() throws Exception {
        bayes.trainCorpus();
        int messages = 20;
        int uploads = 10;
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<Void> training = CompletableFuture.runAsync(() -> {
                for (int upload = 0; upload < uploads; upload++) {
                    String mbox = BayesCorpus.hamMbox(1000 + upload * 10, 10);
                    uncheck(() -> bayes.trainAndAwait("label=ham&messagesPerSecond=1000", mbox));
                }
            }, threads);
            CompletableFuture<Void> mail = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < messages; i++) {
                    int n = 200 + i;
                    uncheck(() -> sendFromOutside(user, BayesCorpus.spam(n)));
                }
            }, threads);
            CompletableFuture.allOf(training, mail).join();
        } finally {
            threads.shutdown();
        }

        assertThat(awaitInFolder(user, "Spam", messages)).contains("X-Spam-Bayes: yes");
        assertThat(bayes.statistics().get("hamMessages").asLong()).isEqualTo(BayesCorpus.TRAINING_SIZE + uploads * 10);
    }

    @Test
    void exportShouldRestoreTheStoreAfterAReset() throws Exception {
        bayes.trainCorpus();
        HttpResponse<String> export = bayes.export();
        assertThat(bayes.reset().statusCode()).isEqualTo(204);

        HttpResponse<String> imported = bayes.importExport(export.body());

        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(imported.statusCode()).isEqualTo(200);
        assertThat(bayes.statistics().get("spamMessages").asLong()).isEqualTo(BayesCorpus.TRAINING_SIZE);
        assertThat(bayes.statistics().get("hamMessages").asLong()).isEqualTo(BayesCorpus.TRAINING_SIZE);
    }

    @Test
    void importShouldRefuseGarbageWithAJsonErrorAndKeepTheStore() throws Exception {
        bayes.trainCorpus();

        HttpResponse<String> refused = bayes.importExport("not an export\n");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("\"type\":\"InvalidArgument\"", "Not a Bayes store export");
        assertThat(bayes.statistics().get("spamMessages").asLong()).isEqualTo(BayesCorpus.TRAINING_SIZE);
    }

    @Test
    void trainingShouldRefuseAnUnknownLabelWithAJsonError() throws Exception {
        HttpResponse<String> refused = bayes.train("eggs", BayesCorpus.spam(1));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("\"statusCode\":400", "'label' must be spam or ham, got 'eggs'");
    }

    @Test
    void trainingShouldLearnOneUploadedMessageAsATask() throws Exception {
        JsonNode task = bayes.trainAndAwait("label=ham", BayesCorpus.ham(1));

        assertThat(task.at("/additionalInformation/learnt").asLong()).isEqualTo(1);
        assertThat(bayes.statistics().get("hamMessages").asLong()).isEqualTo(1);
        assertThat(bayes.statistics().get("lastTrained").asText()).isNotBlank();
    }

    private static void sendFromOutside(String recipient, String message) throws Exception {
        sendFromOutside(List.of(recipient), message);
    }

    private static void sendFromOutside(List<String> recipients, String message) throws Exception {
        try (SMTPMessageSender smtp = SMTPMessageSender.noAuthentication("127.0.0.1", JAMES.ports().smtp(), "outside.example")) {
            smtp.sendMessageWithHeaders(STRANGER, recipients, "To: " + String.join(", ", recipients) + "\r\n" + message);
        }
    }

    private static void sendAuthenticated(String from, String to, String message) throws Exception {
        try (SMTPMessageSender smtp = SMTPMessageSender.authentication("127.0.0.1", JAMES.ports().submission(), DemoUsers.DOMAIN,
                from, DemoUsers.PASSWORD)) {
            smtp.sendMessageWithHeaders(from, to, "To: " + to + "\r\n" + message);
        }
    }

    /** Waits until the user's folder holds {@code count} messages and returns the first one, whole. */
    private static String awaitInFolder(String user, String folder, int count) throws Exception {
        try (TestIMAPClient imap = new TestIMAPClient()) {
            imap.connect("127.0.0.1", JAMES.ports().imap()).login(user, DemoUsers.PASSWORD);
            Mailboxes.AWAIT.until(() -> imap.getMessageCount(folder) == count);
        }
        return Mailboxes.readFirstMessage(JAMES.ports().imap(), user, folder);
    }

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }

    private static void uncheck(Step step) {
        try {
            step.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
