package org.hackablemail.it;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * A byte-exact SMTP client for crafted messages: what it sends is exactly the message's bytes (dot-stuffed), 8-bit
 * and NUL bytes included, which a client working with text would change.
 */
final class RawSmtp {
    private final int port;

    RawSmtp(int port) {
        this.port = port;
    }

    /**
     * Sends the message to every recipient in one transaction.
     *
     * @return empty when the server accepted the message, else the reply by which it refused it
     */
    Optional<String> send(String mailFrom, List<String> recipients, byte[] message) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(300_000);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            expect(in, '2');
            command(out, "EHLO outside.example");
            expect(in, '2');
            command(out, "MAIL FROM:<" + mailFrom + ">");
            expect(in, '2');
            for (String recipient : recipients) {
                command(out, "RCPT TO:<" + recipient + ">");
                expect(in, '2');
            }
            command(out, "DATA");
            expect(in, '3');
            out.write(dotStuffed(message));
            out.flush();
            String reply = reply(in);
            command(out, "QUIT");
            return reply.startsWith("2") ? Optional.empty() : Optional.of(reply);
        }
    }

    private static void command(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static void expect(InputStream in, char first) throws IOException {
        String reply = reply(in);
        if (reply.isEmpty() || reply.charAt(0) != first) {
            throw new IOException("Unexpected SMTP reply: " + reply);
        }
    }

    /** The last line of a (possibly multi-line) reply. */
    private static String reply(InputStream in) throws IOException {
        String line;
        do {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (int b; (b = in.read()) != '\n'; ) {
                if (b < 0) {
                    return bytes.toString(StandardCharsets.US_ASCII);
                }
                bytes.write(b);
            }
            line = bytes.toString(StandardCharsets.US_ASCII).strip();
        } while (line.length() > 3 && line.charAt(3) == '-');
        return line;
    }

    /** The DATA content: a '.' doubled at each line start, then the terminating line. */
    private static byte[] dotStuffed(byte[] message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(message.length + 1024);
        boolean lineStart = true;
        for (byte b : message) {
            if (lineStart && b == '.') {
                out.write('.');
            }
            out.write(b);
            lineStart = b == '\n';
        }
        if (!lineStart) {
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(".\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
