package org.hackablemail.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.james.JamesServerExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Users teach the filter by moving mail, through a real James over real IMAP: the listener of james-conf/listeners.xml
 * (with keywords turned on), the store read back over webadmin.
 */
class SpamTrainingByMoveTest {
    private static final InProcessJames JAMES = new InProcessJames(SpamTrainingListenerConf.turnOn("keywords"));

    @RegisterExtension
    static JamesServerExtension server = JAMES.extension();

    private static BayesWebAdmin bayes;
    private static Mailboxes mailboxes;
    private String user;
    private TrainedMessages trained;

    @BeforeAll
    static void setUp() {
        bayes = new BayesWebAdmin(JAMES.ports().webAdmin(), JAMES.adminToken());
        mailboxes = JAMES.mailboxes();
    }

    @BeforeEach
    void newUserWithOneMessage() throws Exception {
        trained = TrainedMessages.newUserWithOneMessage(JAMES, "mover");
        user = trained.user();
    }

    @Test
    void shouldLearnAMoveIntoSpamOnceAndItsWayBackAsHamAndNothingFromTrash() throws Exception {
        try (BayesImap imap = trained.imap()) {
            imap.ensure("Spam").ensure("Trash").select("INBOX");
            String messageId = imap.firstEmailId();

            imap.moveFirst("Spam");
            JsonNode learnt = trained.await(messageId, "spam", 1);
            assertThat(learnt.get("source").asText()).isEqualTo("move");
            assertThat(learnt.get("tokens").asInt()).isPositive();
            assertThat(trained.layer().get("spamMessages").asLong()).isEqualTo(1);

            imap.select("Spam").copyFirst("Spam");
            trained.barrier(imap);
            assertThat(trained.entry(messageId).get("revision").asLong())
                .as("the same message moved into Spam again").isEqualTo(1);
            assertThat(trained.layer().get("spamMessages").asLong()).isEqualTo(2);

            imap.select("Spam").moveFirst("INBOX");
            trained.await(messageId, "ham", 2);
            assertThat(trained.layer().get("spamMessages").asLong()).as("the barrier only").isEqualTo(1);
            assertThat(trained.layer().get("hamMessages").asLong()).isEqualTo(1);

            imap.select("INBOX").moveFirst("Trash");
            trained.barrier(imap);
            assertThat(trained.entry(messageId).get("revision").asLong()).isEqualTo(2);
            assertThat(trained.layer().get("hamMessages").asLong()).isEqualTo(1);
        }
        assertThat(bayes.statistics().get("spamMessages").asLong()).as("the shared model").isZero();
    }

    @Test
    void shouldLearnSpamOnceWhenAMessageIsCopiedIntoSpamAndHamWhenTheCopyIsMovedBack() throws Exception {
        try (BayesImap imap = trained.imap()) {
            imap.ensure("Spam").select("INBOX");
            String messageId = imap.firstEmailId();

            imap.copyFirst("Spam");
            assertThat(trained.await(messageId, "spam", 1).get("source").asText()).isEqualTo("move");
            imap.copyFirst("Spam");
            trained.barrier(imap);
            assertThat(trained.entry(messageId).get("revision").asLong())
                .as("a second copy of the same message into Spam").isEqualTo(1);

            imap.select("Spam").moveFirst("INBOX");
            trained.await(messageId, "ham", 2);
        }
    }

    @Test
    void shouldLearnSpamWhenTheJunkKeywordIsSet() throws Exception {
        try (BayesImap imap = trained.imap()) {
            imap.select("INBOX");
            String messageId = imap.firstEmailId();

            imap.flagFirst("$Junk");

            assertThat(trained.await(messageId, "spam", 1).get("source").asText()).isEqualTo("keyword");
        }
    }

    @Test
    void shouldTagANewsletterAUserTrainedAsSpamForThatUserAndNobodyElse() throws Exception {
        bayes.trainCorpus();
        String other = JAMES.newUser("reader");
        int corrections = 0;
        int issue = 0;
        try (BayesImap imap = trained.imap()) {
            imap.ensure("Spam");
            while (true) {
                issue++;
                int sent = issue;
                mailboxes.send("letters@garden-club.example", List.of(user), "Garden club digest " + issue, newsletter(issue));
                Mailboxes.AWAIT.until(() -> imap.count("INBOX") + imap.count("Spam") == 1 + sent);
                if (imap.count("INBOX") == 1) {
                    break;
                }
                imap.select("INBOX");
                String issueId = imap.lastEmailId();
                imap.moveLast("Spam");
                trained.await(issueId, "spam", 1);
                corrections++;
                assertThat(corrections).as("corrections before the newsletter is tagged").isLessThanOrEqualTo(3);
            }
        }
        assertThat(corrections).isPositive();
        assertThat(trained.layer().get("spamMessages").asLong()).isEqualTo(corrections);

        mailboxes.send("letters@garden-club.example", List.of(user, other), "Garden club digest final", newsletter(99));

        assertThat(awaitInFolder(user, "Spam", issue + 1)).contains("Subject: Garden club digest final",
            "X-Spam-Bayes: yes", "X-Spam-Bayes-Model: personal", "X-Spam-Flag: YES");
        assertThat(mailboxes.awaitMessages(other, 1)).contains("Subject: Garden club digest final",
            "X-Spam-Bayes-Model: shared").doesNotContain("X-Spam-Bayes: yes", "X-Spam-Flag");
    }

    private static String newsletter(int issue) {
        return "This week in the garden club: tulips, roses, compost, seedlings and watering tips for the spring "
            + "planting season. Pictures at https://garden-club.example/issue" + issue
            + " and the calendar of our allotment meetings. Unsubscribe at https://garden-club.example/unsubscribe";
    }

    /** The last message of a folder holding {@code count}, whole. */
    private String awaitInFolder(String owner, String folder, int count) throws Exception {
        try (BayesImap imap = new BayesImap(JAMES.ports().imap(), owner)) {
            Mailboxes.AWAIT.until(() -> imap.count(folder) == count);
        }
        return Mailboxes.readMessage(JAMES.ports().imap(), owner, folder, count);
    }
}
