package org.hackablemail.it;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The crafted messages of the bad-mail suite, each with the attachments a reader must still see and the problems it
 * must report. Every message is built in memory when asked, with CRLF line ends.
 */
enum BadMail {
    WELL_FORMED(() -> multipart(text("text/plain; charset=utf-8", "8bit", "Hello Bob, the plan is attached."),
        file("plan.pdf", "application/pdf", 10_000)), List.of("plan.pdf"), List.of()),
    BROKEN_BOUNDARY(() -> join("Subject: broken boundary\r\nContent-Type: multipart/mixed; boundary=\"outer\"\r\n\r\n",
        "--outer\r\n", text("text/plain", "7bit", "first part"), "\r\n--outre\r\n",
        text("text/plain", "7bit", "swallowed by the first"), "\r\n--outer\r\n",
        file("evil.exe", "application/x-msdownload", 3_000), "\r\n"), List.of("evil.exe"), List.of("bad-structure")),
    BAD_BASE64(() -> multipart(text("text/plain; charset=us-ascii", "base64", "SGVsbG8gQm9i!!**~~\r\n==trailing"),
        join("Content-Type: application/x-msdownload; name=\"evil.exe\"\r\nContent-Transfer-Encoding: base64\r\n\r\n",
            "TVqQ@@AAMAAAA=EAAAA//8AALg~~")), List.of("evil.exe"), List.of("bad-base64")),
    BOGUS_CHARSET(() -> multipart(text("text/plain; charset=\"x-nope\"", "8bit", "Caf\u00e9 at noon"),
        file("evil.exe", "application/x-msdownload", 2_000)), List.of("evil.exe"), List.of("unknown-charset")),
    EIGHT_BIT_HEADER(() -> join("Subject: r\u00e9union ", utf8("caf\u00e9 \u4f1a\u8b70"), "\r\nFrom: H\u00e9l\u00e8ne <h@outside.example>\r\n",
        multipartBody(text("text/plain; charset=utf-8", "8bit", "voil\u00e0"),
            join("Content-Type: application/pdf\r\nContent-Disposition: attachment; filename=\"", utf8("r\u00e9sum\u00e9.pdf"),
                "\"\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK"))),
        List.of("r\u00e9sum\u00e9.pdf"), List.of()),
    NUL_BYTES(() -> join("Subject: nul\0byte\r\nX-Nul: \0\0\0\r\n", multipartBody(
        text("text/plain", "8bit", "before\0after\0\0end"),
        join("Content-Type: application/octet-stream; name=\"nul.bin\"\r\nContent-Transfer-Encoding: binary\r\n\r\n",
            "\0\0\0\0binary\0"))), List.of("nul.bin"), List.of()),
    LONG_FOLDED_HEADER(() -> join("Subject: folded", " over many lines\r\n".repeat(2_000),
        multipartBody(text("text/plain", "7bit", "body"), file("a.pdf", "application/pdf", 1_000))),
        List.of("a.pdf"), List.of()),
    MANY_HEADER_FIELDS(() -> join(manyFields(2_000), multipartBody(text("text/plain", "7bit", "body"),
        file("a.pdf", "application/pdf", 1_000))), List.of("a.pdf"), List.of("header-cut")),
    /** A line beyond SMTP's limit (RFC 5321 4.5.3.1): the one message refused, at the SMTP level. */
    LONG_LINE(() -> multipart(text("text/plain", "7bit", "x".repeat(2 * 1024 * 1024)),
        file("a.pdf", "application/pdf", 1_000)), List.of("a.pdf"), List.of(), true),
    /** What SMTP refuses as a line comes through base64-encoded. */
    LONG_LINE_ENCODED(() -> multipart(encoded("text/plain", "x".repeat(2 * 1024 * 1024)),
        file("a.pdf", "application/pdf", 1_000)), List.of("a.pdf"), List.of()),
    DEEP_NESTING(() -> join("Subject: deep\r\n", nested(200, file("evil.exe", "application/x-msdownload", 500))),
        List.of(), List.of("too-deep")),
    EMPTY(() -> new byte[0], List.of(), List.of()),
    TWENTY_MEGABYTES(() -> multipart(text("text/plain", "7bit", "the archive is attached"),
        file("big.bin", "application/octet-stream", 15 * 1024 * 1024)), List.of("big.bin"), List.of()),
    HTML_COMMENTS(() -> multipart(encoded("text/html", "<p>V<!-- x -->iagra</p>" + "<!--".repeat(500_000)),
        file("a.pdf", "application/pdf", 1_000)), List.of("a.pdf"), List.of()),
    HTML_SCRIPTS(() -> multipart(encoded("text/html", "<p>hi</p>" + "<script".repeat(300_000)),
        file("a.pdf", "application/pdf", 1_000)), List.of("a.pdf"), List.of()),
    HTML_NESTED_TAGS(() -> multipart(encoded("text/html", "<div><b><i><table><tr><td><a href=x>".repeat(140_000)),
        file("a.pdf", "application/pdf", 1_000)), List.of("a.pdf"), List.of());

    private final Supplier<byte[]> message;
    private final List<String> attachments;
    private final List<String> problems;
    private final boolean refusedAtSmtp;

    BadMail(Supplier<byte[]> message, List<String> attachments, List<String> problems) {
        this(message, attachments, problems, false);
    }

    BadMail(Supplier<byte[]> message, List<String> attachments, List<String> problems, boolean refusedAtSmtp) {
        this.message = message;
        this.attachments = attachments;
        this.problems = problems;
        this.refusedAtSmtp = refusedAtSmtp;
    }

    byte[] message() {
        return message.get();
    }

    /** The names of the attachments a reader must list. */
    List<String> attachments() {
        return attachments;
    }

    /** The problem codes a reader must report. */
    List<String> problems() {
        return problems;
    }

    /** Whether James must refuse it during the SMTP transaction; every other message must reach both recipients. */
    boolean refusedAtSmtp() {
        return refusedAtSmtp;
    }

    private static byte[] multipart(Object... parts) {
        return join("Subject: bad mail\r\nMessage-ID: <" + System.nanoTime() + "@outside.example>\r\n",
            multipartBody(parts));
    }

    private static byte[] multipartBody(Object... parts) {
        String boundary = "b-" + System.nanoTime();
        Object[] all = new Object[parts.length * 2 + 2];
        all[0] = "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n";
        for (int i = 0; i < parts.length; i++) {
            all[2 * i + 1] = "--" + boundary + "\r\n";
            all[2 * i + 2] = join(parts[i], "\r\n");
        }
        all[all.length - 1] = "--" + boundary + "--\r\n";
        return join(all);
    }

    private static byte[] text(String contentType, String encoding, String text) {
        return join("Content-Type: " + contentType + "\r\nContent-Transfer-Encoding: " + encoding + "\r\n\r\n",
            contentType.contains("utf-8") ? utf8(text) : text);
    }

    /** Text base64-encoded, in lines SMTP accepts however long its own lines are. */
    private static byte[] encoded(String contentType, String text) {
        return text(contentType, "base64", Base64.getMimeEncoder().encodeToString(utf8(text)));
    }

    private static byte[] file(String name, String type, int size) {
        byte[] content = new byte[size];
        new Random(size).nextBytes(content);
        return join("Content-Type: " + type + "; name=\"" + name + "\"\r\nContent-Disposition: attachment; filename=\""
            + name + "\"\r\nContent-Transfer-Encoding: base64\r\n\r\n",
            Base64.getMimeEncoder().encodeToString(content));
    }

    private static byte[] manyFields(int count) {
        StringBuilder fields = new StringBuilder("Subject: many fields\r\n");
        for (int i = 0; i < count; i++) {
            fields.append("X-Field-").append(i).append(": value ").append(i).append("\r\n");
        }
        return fields.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] nested(int levels, byte[] innermost) {
        StringBuilder open = new StringBuilder();
        StringBuilder close = new StringBuilder();
        for (int level = 0; level < levels; level++) {
            open.append("Content-Type: multipart/mixed; boundary=\"n").append(level).append("\"\r\n\r\n--n")
                .append(level).append("\r\n");
            close.insert(0, "\r\n--n" + level + "--\r\n");
        }
        return join(open.toString(), innermost, close.toString());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Strings as ISO-8859-1 (one byte per character: 8-bit header bytes stay raw), byte arrays as they are. */
    private static byte[] join(Object... pieces) {
        byte[][] parts = Arrays.stream(pieces)
            .map(piece -> piece instanceof byte[] bytes ? bytes : ((String) piece).getBytes(StandardCharsets.ISO_8859_1))
            .toArray(byte[][]::new);
        byte[] all = new byte[Arrays.stream(parts).mapToInt(part -> part.length).sum()];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
