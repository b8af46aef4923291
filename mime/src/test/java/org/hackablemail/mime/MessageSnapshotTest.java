package org.hackablemail.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

class MessageSnapshotTest {

    @Test
    void shouldReadPlainTextBodyWhenMessageIsSimple() {
        MessageSnapshot snapshot = snapshot("From: a@example.org\r\nSubject: Hi\r\n\r\nHello Bob\r\n");

        assertThat(snapshot.bodyText()).isEqualTo("Hello Bob\r\n");
        assertThat(snapshot.headers()).extracting(HeaderField::name).containsExactly("From", "Subject");
        assertThat(snapshot.problems()).isEmpty();
        assertThat(snapshot.attachments()).isEmpty();
    }

    @Test
    void shouldStillReadTextAndListSiblingWhenCharsetIsUnknown() {
        MessageSnapshot snapshot = snapshot(multipart(
            part("text/plain; charset=\"x-nope\"", "8bit", "Caf\u00e9 at noon"),
            part("application/x-msdownload; name=\"evil.exe\"", "base64", "TVqQAAMAAAAEAAAA")));

        assertThat(snapshot.bodyText()).contains("Caf\u00e9 at noon");
        assertThat(snapshot.attachments()).extracting(Part::filename).containsExactly("evil.exe");
        assertThat(snapshot.attachments().get(0).size()).isEqualTo(12);
        assertThat(snapshot.problems()).extracting(Problem::code, Problem::part)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(Problem.Code.UNKNOWN_CHARSET, "1.1"));
    }

    @Test
    void shouldDecodeWhatItCanAndListSiblingWhenBase64IsBroken() {
        String broken = Base64.getEncoder().encodeToString("Meet me at the station".getBytes(StandardCharsets.US_ASCII))
            .substring(0, 20) + "!!**\u00ff\r\n==garbage";
        MessageSnapshot snapshot = snapshot(multipart(
            part("text/plain; charset=us-ascii", "base64", broken),
            part("application/octet-stream; name=\"evil.exe\"", "base64", "!!not base64!!")));

        assertThat(snapshot.bodyText()).isEqualTo("Meet me at the ");
        assertThat(snapshot.attachments()).extracting(Part::filename).containsExactly("evil.exe");
        assertThat(snapshot.problems()).extracting(Problem::code)
            .containsExactly(Problem.Code.BAD_BASE64, Problem.Code.BAD_BASE64);
    }

    @Test
    void shouldReplaceInvalidBytesWhenTextIsNotValidInItsCharset() {
        MessageSnapshot snapshot = MessageSnapshot.of(bytes("Content-Type: text/plain; charset=utf-8\r\n\r\nok ",
            new byte[] {(byte) 0xc3, (byte) 0x28, 'x'}));

        assertThat(snapshot.bodyText()).isEqualTo("ok \uFFFD(x");
        assertThat(snapshot.problems()).extracting(Problem::code).containsExactly(Problem.Code.MALFORMED_TEXT);
    }

    @Test
    void shouldReadUndeclaredEightBitTextAsUtf8WhenValidElseLatin1() {
        assertThat(MessageSnapshot.of(bytes("Subject: x\r\n\r\n", "d\u00e9j\u00e0".getBytes(StandardCharsets.UTF_8)))
            .bodyText()).isEqualTo("d\u00e9j\u00e0");
        assertThat(MessageSnapshot.of(bytes("Subject: x\r\n\r\n", "d\u00e9j\u00e0".getBytes(StandardCharsets.ISO_8859_1)))
            .bodyText()).isEqualTo("d\u00e9j\u00e0");
    }

    @Test
    void shouldListDeepPartAsOpaqueWhenNestingIsBeyondTheLimit() {
        String message = nested(200, part("application/pdf; name=\"deep.pdf\"", "base64", "JVBERi0xLjQ="));

        MessageSnapshot snapshot = snapshot(message);

        assertThat(snapshot.parts()).hasSize(MimeLimits.DEFAULT.maxDepth() + 1);
        Part opaque = snapshot.parts().get(snapshot.parts().size() - 1);
        assertThat(opaque.kind()).isEqualTo(Part.Kind.OPAQUE);
        assertThat(opaque.depth()).isEqualTo(MimeLimits.DEFAULT.maxDepth());
        assertThat(snapshot.attachments()).containsExactly(opaque);
        assertThat(snapshot.problems()).extracting(Problem::code).contains(Problem.Code.TOO_DEEP);
    }

    @Test
    void shouldReadTextBesideDeepNestingWhenNestingIsBeyondTheLimit() {
        String message = multipart(part("text/plain", "7bit", "The real text"), nested(200, "").substring(0));

        assertThat(snapshot(message).bodyText()).isEqualTo("The real text");
    }

    @Test
    void shouldReadPreambleAsTextWhenBoundaryNeverOccurs() {
        String message = "Subject: broken\r\nContent-Type: multipart/mixed; boundary=\"declared\"\r\n\r\n"
            + "--other\r\nContent-Type: text/plain\r\n\r\nHidden words\r\n--other--\r\n";

        MessageSnapshot snapshot = snapshot(message);

        assertThat(snapshot.bodyText()).contains("Hidden words");
        assertThat(snapshot.problems()).extracting(Problem::code).contains(Problem.Code.BAD_STRUCTURE);
    }

    @Test
    void shouldReportMissingClosingBoundaryAndKeepParts() {
        String message = "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n"
            + "first\r\n--b\r\nContent-Type: image/png; name=\"a.png\"\r\n\r\nPNG";

        MessageSnapshot snapshot = snapshot(message);

        assertThat(snapshot.bodyText()).isEqualTo("first");
        assertThat(snapshot.attachments()).extracting(Part::filename).containsExactly("a.png");
        assertThat(snapshot.problems()).extracting(Problem::code).containsExactly(Problem.Code.BAD_STRUCTURE);
    }

    @Test
    void shouldReadEverythingAsTextWhenMessageHasNoHeader() {
        MessageSnapshot snapshot = snapshot("just some words\n\nand more");

        assertThat(snapshot.bodyText()).isEqualTo("just some words\n\nand more");
        assertThat(snapshot.problems()).extracting(Problem::code).containsExactly(Problem.Code.NO_HEADER);
    }

    @Test
    void shouldGiveEmptySnapshotWhenMessageIsEmpty() {
        MessageSnapshot snapshot = MessageSnapshot.of(new byte[0]);

        assertThat(snapshot.bodyText()).isEmpty();
        assertThat(snapshot.size()).isZero();
        assertThat(snapshot.parts()).hasSize(1);
    }

    @Test
    void shouldDecodeHeaderWhenEncodedWordsOrRawUtf8() {
        MessageSnapshot snapshot = MessageSnapshot.of(bytes("Subject: =?utf-8?Q?R=C3=A9union?= =?utf-8?B?IGRlbWFpbg==?=\r\n"
            + "From: ", "H\u00e9l\u00e8ne <h@example.org>\r\n\r\nbody".getBytes(StandardCharsets.UTF_8)));

        assertThat(snapshot.headers()).extracting(HeaderField::value)
            .containsExactly("R\u00e9union demain", "H\u00e9l\u00e8ne <h@example.org>");
    }

    @Test
    void shouldKeepHeaderWithNulAndControlBytesWithoutFailing() {
        MessageSnapshot snapshot = MessageSnapshot.of(bytes("Subject: a\0b\u0001c\r\nX-\0Bad: v\r\n\r\nbo\0dy", new byte[0]));

        assertThat(snapshot.headers().get(0).value()).isEqualTo("a\0b\u0001c");
        assertThat(snapshot.bodyText()).isEqualTo("bo\0dy");
    }

    @Test
    void shouldCutHeaderFieldsWhenTooManyOrTooLong() {
        StringBuilder message = new StringBuilder("Subject: " + "long ".repeat(10_000) + "\r\n");
        for (int i = 0; i < 2_000; i++) {
            message.append("X-Field-").append(i).append(": ").append(i).append("\r\n");
        }
        MessageSnapshot snapshot = snapshot(message.append("\r\nbody").toString());

        assertThat(snapshot.headers()).hasSize(MimeLimits.DEFAULT.maxHeaderFields());
        assertThat(snapshot.headers().get(0).raw()).hasSize(MimeLimits.DEFAULT.maxFieldChars());
        assertThat(snapshot.bodyText()).isEqualTo("body");
        assertThat(snapshot.problems()).extracting(Problem::code).containsOnly(Problem.Code.HEADER_CUT);
    }

    @Test
    void shouldCutTextBeforeConvertingWhenPartIsLongerThanTheLimit() {
        MimeLimits limits = new MimeLimits(16, 100, 1_000, 10_000, 100, 1_000, 10);
        MessageSnapshot snapshot = MessageSnapshot.of(bytes("Content-Type: text/html\r\n\r\n<p>" + "word ".repeat(1_000),
            new byte[0]), limits);

        PartText text = snapshot.bodyPart().orElseThrow().text();
        assertThat(text.cut()).isTrue();
        assertThat(text.text().length()).isLessThanOrEqualTo(1_000);
        assertThat(snapshot.bodyPart().orElseThrow().size()).isEqualTo(3 + 5 * 1_000);
    }

    @Test
    void shouldStopKeepingTextWhenMessageHoldsMoreThanTheBudget() {
        MimeLimits limits = new MimeLimits(16, 100, 1_000, 1_500, 100, 1_000, 10);
        MessageSnapshot snapshot = snapshot(multipart(part("text/plain", "7bit", "a".repeat(1_000)),
            part("text/plain; name=\"b.txt\"", "7bit", "b".repeat(1_000))), limits);

        assertThat(snapshot.parts().get(2).text().text()).hasSizeLessThan(1_000);
        assertThat(snapshot.attachments()).extracting(Part::filename).containsExactly("b.txt");
        assertThat(snapshot.problems()).extracting(Problem::code).contains(Problem.Code.TOO_MUCH_TEXT);
    }

    @Test
    void shouldStopListingPartsWhenMessageHasTooManyParts() {
        MimeLimits limits = new MimeLimits(16, 10, 1_000, 10_000, 100, 1_000, 10);
        String[] parts = new String[50];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = part("image/gif; name=\"" + i + ".gif\"", "base64", "R0lGODlh");
        }

        MessageSnapshot snapshot = snapshot(multipart(parts), limits);

        assertThat(snapshot.parts()).hasSize(10);
        assertThat(snapshot.problems()).extracting(Problem::code).containsExactly(Problem.Code.TOO_MANY_PARTS);
    }

    @Test
    void shouldListAttachmentsOfEnclosedMessageWhenForwardedAsAttachment() {
        String inner = "Subject: inner\r\n" + multipart(part("text/plain", "7bit", "inner text"),
            part("application/zip; name=\"inner.zip\"", "base64", "UEsDBA=="));
        String message = multipart(part("text/plain", "7bit", "see attached"),
            "Content-Type: message/rfc822\r\nContent-Disposition: attachment; filename=\"fwd.eml\"\r\n\r\n" + inner);

        MessageSnapshot snapshot = snapshot(message);

        assertThat(snapshot.bodyText()).isEqualTo("see attached");
        assertThat(snapshot.attachments()).extracting(Part::filename).containsExactly("fwd.eml", "inner.zip");
        assertThat(snapshot.parts()).extracting(Part::id)
            .containsExactly("1", "1.1", "1.2", "1.2.1", "1.2.1.1", "1.2.1.2");
    }

    @Test
    void shouldDecodeFileNamesWhenEncodedByRfc2231OrRfc2047() {
        MessageSnapshot snapshot = snapshot(multipart(
            part("application/pdf", "base64", "JVBE", "Content-Disposition: attachment; filename*=utf-8''%E2%82%AC%20plan.pdf"),
            part("application/pdf", "base64", "JVBE", "Content-Disposition: attachment; filename=\"=?utf-8?B?w6l0w6kucGRm?=\""),
            part("application/pdf", "base64", "JVBE",
                "Content-Disposition: attachment; filename*0*=utf-8''a%C3%A9; filename*1=\"b.pdf\"")));

        assertThat(snapshot.attachments()).extracting(Part::filename)
            .containsExactly("\u20ac plan.pdf", "\u00e9t\u00e9.pdf", "a\u00e9b.pdf");
    }

    @Test
    void shouldListInlinePartsOfOtherTypesAsAttachments() {
        MessageSnapshot snapshot = snapshot(multipart(part("text/plain", "7bit", "hi"),
            part("application/x-msdownload", "base64", "TVqQ")));

        assertThat(snapshot.attachments()).extracting(Part::mimeType).containsExactly("application/x-msdownload");
    }

    @Test
    void shouldUseHtmlTextWhenThereIsNoPlainText() {
        MessageSnapshot snapshot = snapshot("Content-Type: text/html\r\n\r\n<html><head><style>p{color:red}</style>"
            + "<script>var scripted=1</script></head><body><p>V<!-- x -->ia<b>gra</b> <a href=\"http://spam.example/x\">"
            + "here</a></p><div>next&nbsp;line &amp; more</div></body></html>");

        PartText text = snapshot.bodyPart().orElseThrow().text();
        assertThat(text.text()).isEqualTo("Viagra here\nnext line & more");
        assertThat(text.html()).isTrue();
        assertThat(text.links()).containsExactly("http://spam.example/x");
    }

    @Test
    void shouldPreferPlainTextWhenBothAlternativesExist() {
        MessageSnapshot snapshot = snapshot(multipart(part("text/html", "7bit", "<p>html</p>"),
            part("text/plain", "7bit", "plain")));

        assertThat(snapshot.bodyText()).isEqualTo("plain");
    }

    @Test
    void shouldPassSourceFailureOnWhenTheStreamFails() {
        InputStream failing = new InputStream() {
            private int left = 100;

            @Override
            public int read() throws IOException {
                if (left-- <= 0) {
                    throw new IOException("disk gone");
                }
                return 'a';
            }
        };

        assertThatThrownBy(() -> MessageSnapshot.read(failing, MimeLimits.DEFAULT)).hasMessage("disk gone");
    }

    static MessageSnapshot snapshot(String message) {
        return snapshot(message, MimeLimits.DEFAULT);
    }

    static MessageSnapshot snapshot(String message, MimeLimits limits) {
        return MessageSnapshot.of(message.getBytes(StandardCharsets.ISO_8859_1), limits);
    }

    static byte[] bytes(String head, byte[] tail) {
        byte[] start = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[start.length + tail.length];
        System.arraycopy(start, 0, all, 0, start.length);
        System.arraycopy(tail, 0, all, start.length, tail.length);
        return all;
    }

    static String part(String contentType, String encoding, String content, String... extraHeaders) {
        return "Content-Type: " + contentType + "\r\nContent-Transfer-Encoding: " + encoding + "\r\n"
            + String.join("", List.of(extraHeaders).stream().map(header -> header + "\r\n").toList())
            + "\r\n" + content;
    }

    static String multipart(String... parts) {
        String boundary = "b" + Integer.toHexString(String.join("", parts).hashCode());
        StringBuilder message = new StringBuilder("Subject: test\r\nContent-Type: multipart/mixed; boundary=\"")
            .append(boundary).append("\"\r\n\r\npreamble\r\n");
        for (String part : parts) {
            message.append("--").append(boundary).append("\r\n").append(part).append("\r\n");
        }
        return message.append("--").append(boundary).append("--\r\n").toString();
    }

    /** {@code levels} multiparts one inside the other, the innermost holding {@code innermost}. */
    static String nested(int levels, String innermost) {
        StringBuilder open = new StringBuilder();
        StringBuilder close = new StringBuilder();
        for (int level = 0; level < levels; level++) {
            open.append("Content-Type: multipart/mixed; boundary=\"n").append(level).append("\"\r\n\r\n--n")
                .append(level).append("\r\n");
            close.insert(0, "\r\n--n" + level + "--\r\n");
        }
        return open + innermost + close;
    }
}
