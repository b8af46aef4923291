package org.hackablemail.mime;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/** Random but well-formed MIME messages, and the names of the attachments each one carries. */
final class RandomMime {
    private static final String[] CHARSETS = {"us-ascii", "utf-8", "iso-8859-1", "windows-1252", "x-nope", "utf-16"};
    private static final String[] WORDS = {"meeting", "invoice", "caf\u00e9", "\u00fcber", "price", "<b>bold</b>",
        "http://example.org/x", "=?utf-8?Q?x?=", "--not-a-boundary", "\t", "line\r\n"};

    private final Random random;
    private final List<String> attachments = new ArrayList<>();
    private int boundaries;

    RandomMime(Random random) {
        this.random = random;
    }

    /** A new message; {@link #attachments()} then names its attachments. */
    byte[] message() {
        attachments.clear();
        StringBuilder message = new StringBuilder()
            .append("From: =?utf-8?B?").append(base64("S\u00e9bastien")).append("?= <s@example.org>\r\n")
            .append("Subject: ").append(words(5)).append("\r\n")
            .append("Message-ID: <").append(random.nextInt(1_000_000)).append("@example.org>\r\n");
        entity(message, 0);
        return message.toString().getBytes(StandardCharsets.UTF_8);
    }

    List<String> attachments() {
        return List.copyOf(attachments);
    }

    private void entity(StringBuilder out, int depth) {
        int kind = depth >= 4 ? 1 + random.nextInt(3) : random.nextInt(5);
        switch (kind) {
            case 0 -> multipart(out, depth);
            case 1 -> text(out, "plain");
            case 2 -> text(out, "html");
            case 3 -> attachment(out);
            default -> enclosedMessage(out, depth);
        }
    }

    private void multipart(StringBuilder out, int depth) {
        String boundary = "=_b" + (boundaries++) + "_" + random.nextInt(1000);
        out.append("Content-Type: multipart/").append(random.nextBoolean() ? "mixed" : "alternative")
            .append("; boundary=\"").append(boundary).append("\"\r\n\r\n");
        if (random.nextBoolean()) {
            out.append("This is a multi-part message in MIME format.\r\n");
        }
        int parts = 1 + random.nextInt(5);
        for (int i = 0; i < parts; i++) {
            out.append("--").append(boundary).append("\r\n");
            entity(out, depth + 1);
            out.append("\r\n");
        }
        out.append("--").append(boundary).append("--\r\n");
    }

    private void text(StringBuilder out, String subtype) {
        String charset = CHARSETS[random.nextInt(CHARSETS.length)];
        String text = subtype.equals("html") ? "<html><body><p>" + words(20) + "</p></body></html>" : words(20);
        out.append("Content-Type: text/").append(subtype).append("; charset=").append(charset).append("\r\n");
        if (random.nextBoolean()) {
            out.append("Content-Transfer-Encoding: base64\r\n\r\n").append(base64(text)).append("\r\n");
        } else if (random.nextBoolean()) {
            out.append("Content-Transfer-Encoding: quoted-printable\r\n\r\n")
                .append(text.replace("=", "=3D")).append("=\r\n\r\n");
        } else {
            out.append("\r\n").append(text).append("\r\n");
        }
    }

    private void attachment(StringBuilder out) {
        String name = "file-" + attachments.size() + "-" + random.nextInt(1000) + (random.nextBoolean() ? ".exe" : ".pdf");
        attachments.add(name);
        byte[] content = new byte[random.nextInt(3000)];
        random.nextBytes(content);
        out.append("Content-Type: application/octet-stream; name=\"").append(name).append("\"\r\n")
            .append("Content-Disposition: attachment; filename=\"").append(name).append("\"\r\n")
            .append("Content-Transfer-Encoding: base64\r\n\r\n")
            .append(Base64.getMimeEncoder().encodeToString(content)).append("\r\n");
    }

    private void enclosedMessage(StringBuilder out, int depth) {
        out.append("Content-Type: message/rfc822\r\n\r\nSubject: enclosed ").append(words(2)).append("\r\n");
        entity(out, depth + 1);
    }

    private String words(int count) {
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < count; i++) {
            words.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
        }
        return words.toString().strip();
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
