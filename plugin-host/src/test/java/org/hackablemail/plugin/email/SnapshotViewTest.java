package org.hackablemail.plugin.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.hackablemail.mime.HeaderField;
import org.hackablemail.mime.MessageSnapshot;
import org.junit.jupiter.api.Test;

class SnapshotViewTest {
    private static final String BROKEN = "Subject: =?utf-8?Q?Caf=C3=A9?=\r\nMessage-ID: <42@example.org>\r\n"
        + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
        + "--b\r\nContent-Type: text/plain; charset=\"x-nope\"\r\n\r\nSee the attachment\r\n"
        + "--b\r\nContent-Type: application/x-msdownload; name=\"evil.exe\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        + "TVqQ!!AAMAAAAEAAAA\r\n--b--\r\n";

    @Test
    void shouldShowTextAttachmentsAndProblemsWhenPartsAreBroken() {
        IncomingEmail email = SnapshotView.of(snapshot(BROKEN)).build();

        assertThat(email.body()).isEqualTo("See the attachment");
        assertThat(email.attachments()).containsExactly(new IncomingEmail.Attachment("evil.exe", "application/x-msdownload", 12));
        assertThat(email.problems()).extracting(IncomingEmail.Problem::code, IncomingEmail.Problem::part)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("unknown-charset", "1.1"),
                org.assertj.core.groups.Tuple.tuple("bad-base64", "1.2"));
    }

    @Test
    void shouldDecodeHeaderAndStripMessageIdBracketsWhenReadFromSnapshot() {
        IncomingEmail email = SnapshotView.of(snapshot(BROKEN)).build();

        assertThat(email.subject()).isEqualTo("Caf\u00e9");
        assertThat(email.headers()).containsEntry("Subject", "Caf\u00e9");
        assertThat(email.messageId()).isEqualTo("42@example.org");
        assertThat(email.headerList()).extracting(IncomingEmail.Header::name)
            .containsExactly("Subject", "Message-ID", "Content-Type");
    }

    @Test
    void shouldShowGivenHeaderWhenItChangedSinceTheSnapshot() {
        List<HeaderField> current = List.of(HeaderField.of("X-Spam-Bayes", "yes", 100),
            HeaderField.of("Subject", "=?utf-8?Q?Caf=C3=A9?=", 100), HeaderField.of("Subject", "second", 100));

        IncomingEmail email = SnapshotView.of(snapshot(BROKEN), current).build();

        assertThat(email.headers()).containsEntry("X-Spam-Bayes", "yes").containsEntry("Subject", "Caf\u00e9")
            .doesNotContainKey("Message-ID");
        assertThat(email.headerList()).hasSize(3);
        assertThat(email.messageId()).isNull();
    }

    @Test
    void shouldUseTextOfHtmlWhenThereIsNoPlainText() {
        IncomingEmail email = SnapshotView.of(snapshot("Content-Type: text/html\r\n\r\n<p>Hello <b>Bob</b></p>"))
            .build();

        assertThat(email.body()).isEqualTo("Hello Bob");
        assertThat(email.subject()).isEmpty();
        assertThat(email.problems()).isEmpty();
        assertThat(email.bodyTruncated()).isNull();
    }

    private static MessageSnapshot snapshot(String message) {
        return MessageSnapshot.of(message.getBytes(StandardCharsets.ISO_8859_1));
    }
}
