package org.hackablemail.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.james.JamesServerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The listener on james-conf/listeners.xml as shipped, its options off: the keywords and answers that
 * {@link SpamTrainingOptionsTest} sees learnt teach nothing, through a real James over real IMAP.
 */
class SpamTrainingOptionsOffTest {
    private static final InProcessJames JAMES = new InProcessJames();

    @RegisterExtension
    static JamesServerExtension server = JAMES.extension();

    private TrainedMessages trained;

    @BeforeEach
    void newUserWithOneMessage() throws Exception {
        trained = TrainedMessages.newUserWithOneMessage(JAMES, "plain");
    }

    @Test
    void shouldLearnNothingFromJunkKeywordsWhenKeywordsAreOff() throws Exception {
        try (BayesImap imap = trained.imap()) {
            imap.select("INBOX");
            String inInbox = imap.firstEmailId();

            imap.flagFirst("$Junk");
            imap.flagFirst("Junk");
            trained.barrier(imap);

            assertThat(trained.untrained(inInbox)).as("$Junk set in INBOX").isTrue();
            imap.select("INBOX").moveFirst("Spam");
            trained.await(inInbox, "spam", 1);

            imap.select("Spam").flagLast("$NotJunk");
            trained.barrier(imap);

            JsonNode entry = trained.entry(inInbox);
            assertThat(entry.get("state").asText()).as("$NotJunk set in Spam").isEqualTo("spam");
            assertThat(entry.get("revision").asLong()).isEqualTo(1);
            assertThat(trained.layer().get("hamMessages").asLong()).isZero();
        }
    }

    @Test
    void shouldLearnNothingFromAnAnswerWhenHamOnReplyIsOff() throws Exception {
        try (BayesImap imap = trained.imap()) {
            imap.select("INBOX");
            String messageId = imap.firstEmailId();

            imap.flagFirst("\\Answered");
            trained.barrier(imap);

            assertThat(trained.untrained(messageId)).isTrue();
            assertThat(trained.layer().get("hamMessages").asLong()).isZero();
        }
    }
}
