package org.hackablemail.it;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.net.imap.IMAPClient;
import org.apache.james.utils.TestIMAPClient;
import org.hackablemail.launcher.DemoUsers;

/** A user's IMAP session for the training tests: what a mail client does when its user files or flags mail. */
final class BayesImap implements AutoCloseable {
    private static final Pattern EMAIL_ID = Pattern.compile("EMAILID \\(([^)]+)\\)");

    /** RFC 3501 date-time, as APPEND takes it. */
    private static final DateTimeFormatter INTERNAL_DATE = DateTimeFormatter.ofPattern("dd-MMM-yyyy HH:mm:ss Z", Locale.ENGLISH)
        .withZone(ZoneOffset.UTC);

    private final IMAPClient client = new IMAPClient();
    private final TestIMAPClient imap = new TestIMAPClient(client);

    BayesImap(int port, String user) throws IOException {
        imap.connect("127.0.0.1", port).login(user, DemoUsers.PASSWORD);
    }

    /** Creates the mailbox unless it exists. */
    BayesImap ensure(String mailbox) throws IOException {
        imap.sendCommand("CREATE \"" + mailbox + "\"");
        return this;
    }

    BayesImap select(String mailbox) throws IOException {
        imap.select(mailbox);
        return this;
    }

    /** James's id of the first message of the selected mailbox (RFC 8474 EMAILID). */
    String firstEmailId() throws IOException {
        return emailId(imap.sendCommand("FETCH 1 (EMAILID)"));
    }

    private static String emailId(String reply) throws IOException {
        Matcher matcher = EMAIL_ID.matcher(reply);
        if (!matcher.find()) {
            throw new IOException("No EMAILID in " + reply);
        }
        return matcher.group(1);
    }

    /** James's id of the last message of the selected mailbox. */
    String lastEmailId() throws IOException {
        return emailId(imap.sendCommand("FETCH * (EMAILID)"));
    }

    void moveLast(String mailbox) throws IOException {
        expectOk(imap.sendCommand("MOVE * \"" + mailbox + "\""));
    }

    void moveFirst(String mailbox) throws IOException {
        expectOk(imap.sendCommand("MOVE 1 \"" + mailbox + "\""));
    }

    void copyFirst(String mailbox) throws IOException {
        expectOk(imap.sendCommand("COPY 1 \"" + mailbox + "\""));
    }

    void flagFirst(String keyword) throws IOException {
        expectOk(imap.sendCommand("STORE 1 +FLAGS (" + keyword + ")"));
    }

    void unflagFirst(String keyword) throws IOException {
        expectOk(imap.sendCommand("STORE 1 -FLAGS (" + keyword + ")"));
    }

    void flagLast(String keyword) throws IOException {
        expectOk(imap.sendCommand("STORE * +FLAGS (" + keyword + ")"));
    }

    /** Appends a message with the internal date a client gives it, as when it uploads mail received long ago. */
    void append(String mailbox, String message, Instant internalDate) throws IOException {
        if (!client.append(mailbox, null, INTERNAL_DATE.format(internalDate), message)) {
            throw new IOException("IMAP APPEND failed: " + client.getReplyString());
        }
    }

    long count(String mailbox) throws IOException {
        return imap.getMessageCount(mailbox);
    }

    private static void expectOk(String reply) throws IOException {
        if (!reply.contains(" OK ")) {
            throw new IOException("IMAP command failed: " + reply);
        }
    }

    @Override
    public void close() throws IOException {
        imap.close();
    }
}
