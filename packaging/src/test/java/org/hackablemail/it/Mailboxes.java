package org.hackablemail.it;

import java.time.Duration;
import java.util.List;

import org.apache.james.utils.SMTPMessageSender;
import org.apache.james.utils.TestIMAPClient;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.hackablemail.launcher.DemoUsers;
import org.hackablemail.launcher.ServerPorts;

/** Real SMTP in and IMAP out, on loopback, for the end-to-end tests. */
final class Mailboxes {
    static final ConditionFactory AWAIT = Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200));

    private final ServerPorts ports;

    Mailboxes(ServerPorts ports) {
        this.ports = ports;
    }

    /**
     * Sends through the MX port, as a stranger on the Internet would: from loopback, a trusted network, so nothing
     * vouches for the sender and nothing a plugin sends back reaches it.
     */
    void send(String from, List<String> recipients, String subject, String body) throws Exception {
        try (SMTPMessageSender smtp = SMTPMessageSender.noAuthentication("127.0.0.1", ports.smtp(), "outside.example")) {
            smtp.sendMessageWithHeaders(from, recipients, message(from, recipients, subject, body));
        }
    }

    /** Sends through the submission port as {@code from}, a local user, authenticated: replies and bounces reach it. */
    void submit(String from, List<String> recipients, String subject, String body) throws Exception {
        try (SMTPMessageSender smtp = SMTPMessageSender.authentication("127.0.0.1", ports.submission(),
                DemoUsers.DOMAIN, from, DemoUsers.PASSWORD)) {
            smtp.sendMessageWithHeaders(from, recipients, message(from, recipients, subject, body));
        }
    }

    private static String message(String from, List<String> recipients, String subject, String body) {
        return "From: " + from + "\r\nTo: " + String.join(", ", recipients) + "\r\nMessage-ID: <" + System.nanoTime()
            + "@outside.example>\r\nSubject: " + subject + "\r\n\r\n" + body + "\r\n";
    }

    /** Waits until the user's inbox holds exactly {@code count} messages and returns the first one, whole. */
    String awaitMessages(String user, int count) throws Exception {
        try (TestIMAPClient imap = new TestIMAPClient()) {
            imap.connect("127.0.0.1", ports.imap())
                .login(user, DemoUsers.PASSWORD)
                .select(TestIMAPClient.INBOX)
                .awaitMessageCount(AWAIT, count);
            return imap.readFirstMessage();
        }
    }

    /** Waits until the user's inbox holds exactly {@code count} messages and returns the last one, whole. */
    String awaitLastMessage(String user, int count) throws Exception {
        try (TestIMAPClient imap = new TestIMAPClient()) {
            imap.connect("127.0.0.1", ports.imap())
                .login(user, DemoUsers.PASSWORD)
                .select(TestIMAPClient.INBOX)
                .awaitMessageCount(AWAIT, count);
            return imap.sendCommand("FETCH " + count + " (BODY.PEEK[])");
        }
    }

    long messageCount(String user) throws Exception {
        try (TestIMAPClient imap = new TestIMAPClient()) {
            return imap.connect("127.0.0.1", ports.imap())
                .login(user, DemoUsers.PASSWORD)
                .getMessageCount(TestIMAPClient.INBOX);
        }
    }
}
