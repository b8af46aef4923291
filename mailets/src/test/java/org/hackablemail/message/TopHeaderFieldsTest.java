package org.hackablemail.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.james.core.MailAddress;
import org.apache.james.lifecycle.api.LifecycleUtil;
import org.apache.james.server.core.MailImpl;
import org.apache.james.server.core.MimeMessageInputStreamSource;
import org.apache.james.server.core.MimeMessageWrapper;
import org.junit.jupiter.api.Test;

class TopHeaderFieldsTest {
    private static final TopHeaderFields.FieldFilter NOTHING = (name, value) -> false;

    @Test
    void putShouldAddTheLinesOnTopAndKeepEveryOtherByteAsItCame() throws Exception {
        String message = "Received: from a\r\n\tby b; Wed, 2 Dec 2026 10:00:00 +0000\r\nSubject: =?UTF-8?Q?caf=C3=A9?=\r\n"
            + "X-Odd:value without space\r\n\r\nBody line 1\r\n\r\nX-Not-A-Header: body\r\n";

        assertThat(rewrite(message, List.of("X-Spam-Bayes: no", "X-Spam-Bayes-Score: 0.0100"), NOTHING))
            .isEqualTo("X-Spam-Bayes: no\r\nX-Spam-Bayes-Score: 0.0100\r\n" + message);
    }

    @Test
    void putShouldDropTheNamedFieldsWithTheirFoldedLines() throws Exception {
        String message = "X-Spam-Bayes: no\r\n  (the sender says)\r\nFrom: a@example.org\r\nx-spam-bayes: no\r\n\r\nX-Spam-Bayes: body\r\n";

        assertThat(rewrite(message, List.of("X-Spam-Bayes: yes"), (name, value) -> name.equalsIgnoreCase("X-Spam-Bayes")))
            .isEqualTo("X-Spam-Bayes: yes\r\nFrom: a@example.org\r\n\r\nX-Spam-Bayes: body\r\n");
    }

    @Test
    void putShouldJudgeFieldsOnTheirUnfoldedValue() throws Exception {
        String message = "Authentication-Results: mx.demo.test;\r\n spf=pass smtp.mailfrom=a@example.org\r\nFrom: a@example.org\r\n\r\nHi\r\n";

        assertThat(rewrite(message, List.of(), (name, value) -> value.get().equals("mx.demo.test; spf=pass smtp.mailfrom=a@example.org")))
            .isEqualTo("From: a@example.org\r\n\r\nHi\r\n");
    }

    @Test
    void putShouldKeepBareLineFeedsAndEightBitBytes() throws Exception {
        byte[] message = "Subject: caf\u00e9\nFrom: a@example.org\n\nBody \u00e9\n".getBytes(StandardCharsets.UTF_8);

        assertThat(rewrite(message, List.of("X-Top: 1"), (name, value) -> name.equals("From")))
            .isEqualTo(concat("X-Top: 1\r\n".getBytes(StandardCharsets.UTF_8), "Subject: caf\u00e9\n\nBody \u00e9\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void putShouldRefuseALineThatWouldBreakIntoAnotherField() {
        assertThatThrownBy(() -> rewrite("From: a@example.org\r\n\r\nHi\r\n", List.of("X-Top: 1\rX-Smuggled: yes"), NOTHING))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("must not hold a line break");
    }

    @Test
    void putShouldHandleAMessageWithoutBody() throws Exception {
        assertThat(rewrite("Subject: only a header\r\nFrom: a@example.org", List.of("X-Top: 1"), (name, value) -> name.equals("From")))
            .isEqualTo("X-Top: 1\r\nSubject: only a header\r\n");
    }

    @Test
    void aMailWrittenOutShouldCarryNoFieldTheSenderDidNotWriteBesidesOurs() throws Exception {
        String message = "From: a@example.org\r\nTo: b@demo.test\r\nMessage-ID: <1@example.org>\r\nSubject: Hi\r\n\r\nHello\r\n";
        MailImpl mail = MailImpl.builder().name("mail-1").sender("a@example.org").addRecipient(new MailAddress("b@demo.test"))
            .mimeMessage(new MimeMessageWrapper(
                MimeMessageInputStreamSource.create("test", new ByteArrayInputStream(message.getBytes(StandardCharsets.US_ASCII)))))
            .build();
        try {
            TopHeaderFields.put(mail, List.of("X-Spam-Bayes: unknown"), NOTHING);

            ByteArrayOutputStream written = new ByteArrayOutputStream();
            mail.getMessage().writeTo(written);
            assertThat(written.toString(StandardCharsets.US_ASCII)).isEqualTo("X-Spam-Bayes: unknown\r\n" + message);
            assertThat(mail.getMessage().getSubject()).isEqualTo("Hi");
        } finally {
            LifecycleUtil.dispose(mail);
        }
    }

    private static String rewrite(String message, List<String> top, TopHeaderFields.FieldFilter dropped) throws Exception {
        return new String(rewrite(message.getBytes(StandardCharsets.UTF_8), top, dropped), StandardCharsets.UTF_8);
    }

    private static byte[] rewrite(byte[] message, List<String> top, TopHeaderFields.FieldFilter dropped) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TopHeaderFields.rewrite(new ByteArrayInputStream(message), out, top, dropped);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] all = new byte[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
