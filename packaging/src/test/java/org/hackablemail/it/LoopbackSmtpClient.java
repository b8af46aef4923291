package org.hackablemail.it;

import java.io.IOException;
import java.net.InetAddress;

import org.apache.commons.net.smtp.SMTPClient;
import org.apache.commons.net.smtp.SMTPReply;

/**
 * Sends mail to James over SMTP from a chosen loopback address (any of 127.0.0.0/8), so that James sees the client
 * IP address a test needs.
 */
final class LoopbackSmtpClient {
    private final InetAddress clientAddress;
    private final String helo;

    LoopbackSmtpClient(String clientAddress, String helo) throws IOException {
        this.clientAddress = InetAddress.getByName(clientAddress);
        this.helo = helo;
    }

    /** Sends {@code message} (header fields and body, CRLF line ends) to the SMTP server at 127.0.0.1:{@code port}. */
    void send(int port, String mailFrom, String recipient, String message) throws IOException {
        SMTPClient smtp = new SMTPClient();
        smtp.connect(InetAddress.getLoopbackAddress(), port, clientAddress, 0);
        try {
            expect(SMTPReply.isPositiveCompletion(smtp.getReplyCode()), smtp);
            expect(smtp.login(helo), smtp);
            expect(smtp.sendSimpleMessage(mailFrom, recipient, message), smtp);
            smtp.logout();
        } finally {
            smtp.disconnect();
        }
    }

    private static void expect(boolean accepted, SMTPClient smtp) throws IOException {
        if (!accepted) {
            throw new IOException("SMTP server refused: " + smtp.getReplyString());
        }
    }
}
