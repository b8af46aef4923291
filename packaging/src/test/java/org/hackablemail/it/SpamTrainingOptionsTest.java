package org.hackablemail.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.apache.james.JamesServerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The listener's options, turned on in james-conf/listeners.xml ({@code keywords}, {@code hamOnReply}), and the INBOX
 * sweep task, through a real James over real IMAP; the store read back over webadmin.
 * {@link SpamTrainingOptionsOffTest} shows that the same actions teach nothing with the options as shipped.
 */
class SpamTrainingOptionsTest {
    private static final InProcessJames JAMES = new InProcessJames(SpamTrainingListenerConf.turnOn("keywords", "hamOnReply"));

    @RegisterExtension
    static JamesServerExtension server = JAMES.extension();

    private TrainedMessages trained;

    @BeforeEach
    void newUserWithOneMessage() throws Exception {
        trained = TrainedMessages.newUserWithOneMessage(JAMES, "flagger");
    }

    @Test
    void shouldLearnHamOnceWhenTheNotJunkKeywordIsSetOnAMessageInSpam() throws Exception {
        try (BayesImap imap = trained.imap()) {
            imap.ensure("Spam").select("INBOX");
            String messageId = imap.firstEmailId();
            imap.moveFirst("Spam");
            trained.await(messageId, "spam", 1);

            imap.select("Spam").flagFirst("$NotJunk");

            JsonNode learnt = trained.await(messageId, "ham", 2);
            assertThat(learnt.get("source").asText()).isEqualTo("keyword");
            assertThat(trained.layer().get("hamMessages").asLong()).isEqualTo(1);
            assertThat(trained.layer().get("spamMessages").asLong()).as("the spam taken back").isZero();

            imap.flagFirst("$NotJunk");
            imap.unflagFirst("$NotJunk");
            imap.flagFirst("$NotJunk");
            trained.barrier(imap);

            assertThat(trained.entry(messageId).get("revision").asLong()).as("the keyword set again").isEqualTo(2);
            assertThat(trained.layer().get("hamMessages").asLong()).isEqualTo(1);
            assertThat(trained.layer().get("spamMessages").asLong()).as("the barrier only").isEqualTo(1);
        }
    }

    @Test
    void shouldLearnHamOnceWhenTheUserAnswersAnInboxMessage() throws Exception {
        try (BayesImap imap = trained.imap()) {
            imap.select("INBOX");
            String messageId = imap.firstEmailId();

            imap.flagFirst("\\Answered");

            JsonNode learnt = trained.await(messageId, "ham", 1);
            assertThat(learnt.get("source").asText()).isEqualTo("reply");
            assertThat(learnt.get("tokens").asInt()).isPositive();

            imap.unflagFirst("\\Answered");
            imap.flagFirst("\\Answered");
            trained.barrier(imap);

            assertThat(trained.entry(messageId).get("revision").asLong()).as("answered again").isEqualTo(1);
            assertThat(trained.layer().get("hamMessages").asLong()).isEqualTo(1);
        }
    }

    @Test
    void shouldNotLearnHamWhenTheUserAnswersAMessageInSpam() throws Exception {
        try (BayesImap imap = trained.imap()) {
            imap.ensure("Spam").select("INBOX");
            String messageId = imap.firstEmailId();
            imap.moveFirst("Spam");
            trained.await(messageId, "spam", 1);

            imap.select("Spam").flagFirst("\\Answered");
            trained.barrier(imap);

            JsonNode entry = trained.entry(messageId);
            assertThat(entry.get("state").asText()).isEqualTo("spam");
            assertThat(entry.get("revision").asLong()).isEqualTo(1);
            assertThat(trained.layer().get("hamMessages").asLong()).isZero();
        }
    }

    @Test
    void shouldLearnAsHamWhatStayedInInboxUntaggedWhenTheSweepRunsAndLeaveTheRestAlone() throws Exception {
        BayesWebAdmin bayes = new BayesWebAdmin(JAMES.ports().webAdmin(), JAMES.adminToken());
        Instant monthAgo = Instant.now().minus(Duration.ofDays(30));
        try (BayesImap imap = trained.imap()) {
            imap.select("INBOX");
            String recent = imap.firstEmailId();
            String kept = appendToInbox(imap, "Holiday photos", "", monthAgo);
            String tagged = appendToInbox(imap, "Casino bonus", "X-Spam-Bayes: yes\r\n", monthAgo);
            String userSaidSpam = appendToInbox(imap, "Cheap watches", "", monthAgo);
            imap.flagLast("$Junk");
            trained.await(userSaidSpam, "spam", 1);

            bayes.learnInboxAndAwait("14d");

            JsonNode learnt = trained.entry(kept);
            assertThat(learnt.get("state").asText()).isEqualTo("ham");
            assertThat(learnt.get("source").asText()).isEqualTo("inbox");
            assertThat(learnt.get("revision").asLong()).isEqualTo(1);
            assertThat(trained.untrained(recent)).as("delivered today").isTrue();
            assertThat(trained.untrained(tagged)).as("tagged spam").isTrue();
            JsonNode userTaught = trained.entry(userSaidSpam);
            assertThat(userTaught.get("state").asText()).as("what the user taught").isEqualTo("spam");
            assertThat(userTaught.get("revision").asLong()).isEqualTo(1);
            assertThat(trained.layer().get("hamMessages").asLong()).isEqualTo(1);

            bayes.learnInboxAndAwait("14d");

            assertThat(trained.entry(kept).get("revision").asLong()).as("swept again").isEqualTo(1);
            assertThat(trained.layer().get("hamMessages").asLong()).isEqualTo(1);
        }
    }

    /** Appends a message to INBOX with that internal date and returns James's id of it. */
    private String appendToInbox(BayesImap imap, String subject, String extraHeaders, Instant internalDate) throws Exception {
        imap.append("INBOX", "From: someone@outside.example\r\nTo: " + trained.user() + "\r\nSubject: " + subject + "\r\n"
            + extraHeaders + "\r\nA message about " + subject.toLowerCase() + " received a month ago.\r\n", internalDate);
        return imap.select("INBOX").lastEmailId();
    }
}
