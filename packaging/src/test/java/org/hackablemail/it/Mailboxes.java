package org.hackablemail.it;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.apache.commons.net.MalformedServerReplyException;
import org.apache.commons.net.imap.IMAPClient;
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
        }
        return readFirstMessage(ports.imap(), user, TestIMAPClient.INBOX);
    }

    /** The first message of {@code user}'s {@code mailbox}, whole, as {@link #readMessage} reads it. */
    static String readFirstMessage(int imapPort, String user, String mailbox) throws IOException {
        return readMessage(imapPort, user, mailbox, 1);
    }

    /** The header of the first message of {@code user}'s {@code mailbox}, read as {@link #readMessage} reads. */
    static String readFirstMessageHeader(int imapPort, String user, String mailbox) throws IOException {
        return fetch(imapPort, user, mailbox, "FETCH 1 (BODY.PEEK[HEADER])");
    }

    /**
     * Message {@code number} of {@code user}'s {@code mailbox}, whole, read on a session of its own without setting
     * {@code \Seen}. Now and then (once in CI, in about one of ten local runs of BayesMailFlowTest and
     * InProcessJamesTest), the first line the client reads after a complete SELECT reply and a FETCH is a lone
     * {@code )}, as if the end of James 3.8.1's FETCH reply overtook its start, and commons-net fails on it. The
     * message itself is right (900 fetches checked byte by byte against the literal's declared size found nothing
     * wrong). So such a read is logged with both replies and made once more on a new session; a message that is wrong
     * comes back wrong again.
     */
    static String readMessage(int imapPort, String user, String mailbox, int number) throws IOException {
        return fetch(imapPort, user, mailbox, "FETCH " + number + " (BODY.PEEK[])");
    }

    private static String fetch(int imapPort, String user, String mailbox, String command) throws IOException {
        try {
            return fetchOnce(imapPort, user, mailbox, command);
        } catch (MalformedServerReplyException unexpectedReply) {
            System.err.println(command + " in " + user + "'s " + mailbox + " again: " + unexpectedReply.getMessage());
            return fetchOnce(imapPort, user, mailbox, command);
        }
    }

    private static String fetchOnce(int imapPort, String user, String mailbox, String command) throws IOException {
        IMAPClient client = new IMAPClient();
        try (TestIMAPClient imap = new TestIMAPClient(client)) {
            imap.connect("127.0.0.1", imapPort).login(user, DemoUsers.PASSWORD).select(mailbox);
            String selected = client.getReplyString();
            try {
                return imap.sendCommand(command);
            } catch (MalformedServerReplyException unexpectedReply) {
                System.err.println("The IMAP reply to SELECT was:\n" + selected + "and to " + command + ":\n"
                    + client.getReplyString());
                throw unexpectedReply;
            }
        }
    }

    /** Waits until the user's inbox holds exactly {@code count} messages and returns the last one, whole. */
    String awaitLastMessage(String user, int count) throws Exception {
        try (TestIMAPClient imap = new TestIMAPClient()) {
            imap.connect("127.0.0.1", ports.imap())
                .login(user, DemoUsers.PASSWORD)
                .select(TestIMAPClient.INBOX)
                .awaitMessageCount(AWAIT, count);
        }
        return readMessage(ports.imap(), user, TestIMAPClient.INBOX, count);
    }

    long messageCount(String user) throws Exception {
        try (TestIMAPClient imap = new TestIMAPClient()) {
            return imap.connect("127.0.0.1", ports.imap())
                .login(user, DemoUsers.PASSWORD)
                .getMessageCount(TestIMAPClient.INBOX);
        }
    }
}
