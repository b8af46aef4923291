package org.hackablemail.it;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the mailbox listener taught one user, read over webadmin, and how the tests wait for the asynchronous
 * listener: until an entry shows, or, to show that something taught nothing, until a later move is learnt.
 */
final class TrainedMessages {
    private final BayesWebAdmin bayes;
    private final Mailboxes mailboxes;
    private final String user;
    private final int imapPort;

    private TrainedMessages(BayesWebAdmin bayes, Mailboxes mailboxes, String user, int imapPort) {
        this.bayes = bayes;
        this.mailboxes = mailboxes;
        this.user = user;
        this.imapPort = imapPort;
    }

    /** Forgets all training, then makes a new user whose INBOX holds one message. */
    static TrainedMessages newUserWithOneMessage(RunningJames james, String prefix) throws Exception {
        BayesWebAdmin bayes = new BayesWebAdmin(james.ports().webAdmin(), james.adminToken());
        var reset = bayes.reset();
        if (reset.statusCode() != 204) {
            throw new IllegalStateException("Could not reset the filter: HTTP " + reset.statusCode() + " " + reset.body());
        }
        String user = james.newUser(prefix);
        Mailboxes mailboxes = james.mailboxes();
        mailboxes.send("news@outside.example", List.of(user), "Weekly garden digest",
            "Tulips, roses, compost and watering tips for the spring planting season");
        mailboxes.awaitMessages(user, 1);
        return new TrainedMessages(bayes, mailboxes, user, james.ports().imap());
    }

    String user() {
        return user;
    }

    /** An IMAP session of the user's. */
    BayesImap imap() throws IOException {
        return new BayesImap(imapPort, user);
    }

    /** Waits until the message's entry has this state and revision, and returns it. */
    JsonNode await(String messageId, String state, long revision) {
        return Mailboxes.AWAIT.until(() -> {
            var response = bayes.entry(user, messageId);
            return response.statusCode() == 200 ? BayesWebAdmin.json(response) : null;
        }, entry -> entry != null && entry.get("state").asText().equals(state) && entry.get("revision").asLong() == revision);
    }

    /** The message's entry as it is now; fails when the message was never trained. */
    JsonNode entry(String messageId) throws IOException, InterruptedException {
        var response = bayes.entry(user, messageId);
        if (response.statusCode() != 200) {
            throw new AssertionError("No entry for " + messageId + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return BayesWebAdmin.json(response);
    }

    /** Whether the message was never trained. */
    boolean untrained(String messageId) throws IOException, InterruptedException {
        return bayes.entry(user, messageId).statusCode() == 404;
    }

    /** What the user's layer learnt. */
    JsonNode layer() throws IOException, InterruptedException {
        return bayes.layer(user);
    }

    /**
     * Waits until the move of a new message into Spam is learnt: what the listener got before is learnt too. Leaves
     * INBOX selected.
     */
    void barrier(BayesImap imap) throws Exception {
        imap.ensure("Spam");
        long before = imap.count("INBOX");
        mailboxes.send("other@outside.example", List.of(user), "Barrier", "A message moved to tell that the listener ran");
        Mailboxes.AWAIT.until(() -> imap.count("INBOX") > before);
        imap.select("INBOX");
        String barrier = imap.lastEmailId();
        imap.moveLast("Spam");
        await(barrier, "spam", 1);
    }
}
