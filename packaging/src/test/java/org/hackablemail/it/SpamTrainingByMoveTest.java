package org.hackablemail.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
    private static final InProcessJames JAMES = new InProcessJames(SpamTrainingByMoveTest::enableKeywords);

    @RegisterExtension
    static JamesServerExtension server = JAMES.extension();

    private static BayesWebAdmin bayes;
    private static Mailboxes mailboxes;
    private String user;

    static void enableKeywords(Path conf) throws java.io.IOException {
        Path listeners = conf.resolve("listeners.xml");
        String xml = Files.readString(listeners);
        if (!xml.contains("<keywords>false</keywords>")) {
            throw new IllegalStateException("listeners.xml no longer configures keywords as the test expects");
        }
        Files.writeString(listeners, xml.replace("<keywords>false</keywords>", "<keywords>true</keywords>"));
    }

    @BeforeAll
    static void setUp() {
        bayes = new BayesWebAdmin(JAMES.ports().webAdmin(), JAMES.adminToken());
        mailboxes = JAMES.mailboxes();
    }

    @BeforeEach
    void newUserWithOneMessage() throws Exception {
        assertThat(bayes.reset().statusCode()).isEqualTo(204);
        user = JAMES.newUser("mover");
        mailboxes.send("news@outside.example", List.of(user), "Weekly garden digest",
            "Tulips, roses, compost and watering tips for the spring planting season");
        mailboxes.awaitMessages(user, 1);
    }

    private JsonNode awaitEntry(String messageId, String state, long revision) {
        return Mailboxes.AWAIT.until(() -> {
            var response = bayes.entry(user, messageId);
            return response.statusCode() == 200 ? BayesWebAdmin.json(response) : null;
        }, entry -> entry != null && entry.get("state").asText().equals(state) && entry.get("revision").asLong() == revision);
    }

    /** Waits until the move of another message into Spam is learnt: what the listener got before is learnt too. */
    private void barrier(BayesImap imap) throws Exception {
        long before = imap.count("INBOX");
        mailboxes.send("other@outside.example", List.of(user), "Barrier", "A message moved to tell that the listener ran");
        Mailboxes.AWAIT.until(() -> imap.count("INBOX") > before);
        imap.select("INBOX");
        String barrier = imap.lastEmailId();
        imap.moveLast("Spam");
        awaitEntry(barrier, "spam", 1);
    }

    @Test
    void shouldLearnAMoveIntoSpamOnceAndItsWayBackAsHamAndNothingFromTrash() throws Exception {
        try (BayesImap imap = new BayesImap(JAMES.ports().imap(), user)) {
            imap.ensure("Spam").ensure("Trash").select("INBOX");
            String messageId = imap.firstEmailId();

            imap.moveFirst("Spam");
            JsonNode learnt = awaitEntry(messageId, "spam", 1);
            assertThat(learnt.get("source").asText()).isEqualTo("move");
            assertThat(learnt.get("tokens").asInt()).isPositive();
            assertThat(bayes.layer(user).get("spamMessages").asLong()).isEqualTo(1);

            imap.select("Spam").copyFirst("Spam");
            barrier(imap);
            assertThat(BayesWebAdmin.json(bayes.entry(user, messageId)).get("revision").asLong())
                .as("the same message moved into Spam again").isEqualTo(1);
            assertThat(bayes.layer(user).get("spamMessages").asLong()).isEqualTo(2);

            imap.select("Spam").moveFirst("INBOX");
            awaitEntry(messageId, "ham", 2);
            assertThat(bayes.layer(user).get("spamMessages").asLong()).as("the barrier only").isEqualTo(1);
            assertThat(bayes.layer(user).get("hamMessages").asLong()).isEqualTo(1);

            imap.select("INBOX").moveFirst("Trash");
            barrier(imap);
            assertThat(BayesWebAdmin.json(bayes.entry(user, messageId)).get("revision").asLong()).isEqualTo(2);
            assertThat(bayes.layer(user).get("hamMessages").asLong()).isEqualTo(1);
        }
        assertThat(bayes.statistics().get("spamMessages").asLong()).as("the shared model").isZero();
    }

    @Test
    void shouldLearnSpamOnceWhenAMessageIsCopiedIntoSpamAndHamWhenTheCopyIsMovedBack() throws Exception {
        try (BayesImap imap = new BayesImap(JAMES.ports().imap(), user)) {
            imap.ensure("Spam").select("INBOX");
            String messageId = imap.firstEmailId();

            imap.copyFirst("Spam");
            assertThat(awaitEntry(messageId, "spam", 1).get("source").asText()).isEqualTo("move");
            imap.copyFirst("Spam");
            barrier(imap);
            assertThat(BayesWebAdmin.json(bayes.entry(user, messageId)).get("revision").asLong())
                .as("a second copy of the same message into Spam").isEqualTo(1);

            imap.select("Spam").moveFirst("INBOX");
            awaitEntry(messageId, "ham", 2);
        }
    }

    @Test
    void shouldLearnSpamWhenTheJunkKeywordIsSet() throws Exception {
        try (BayesImap imap = new BayesImap(JAMES.ports().imap(), user)) {
            imap.select("INBOX");
            String messageId = imap.firstEmailId();

            imap.flagFirst("$Junk");

            assertThat(awaitEntry(messageId, "spam", 1).get("source").asText()).isEqualTo("keyword");
        }
    }

    @Test
    void shouldTagANewsletterAUserTrainedAsSpamForThatUserAndNobodyElse() throws Exception {
        bayes.trainCorpus();
        String other = JAMES.newUser("reader");
        int corrections = 0;
        int issue = 0;
        try (BayesImap imap = new BayesImap(JAMES.ports().imap(), user)) {
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
                awaitEntry(issueId, "spam", 1);
                corrections++;
                assertThat(corrections).as("corrections before the newsletter is tagged").isLessThanOrEqualTo(3);
            }
        }
        assertThat(corrections).isPositive();
        assertThat(bayes.layer(user).get("spamMessages").asLong()).isEqualTo(corrections);

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
            return imap.select(folder).readLast(count);
        }
    }
}
