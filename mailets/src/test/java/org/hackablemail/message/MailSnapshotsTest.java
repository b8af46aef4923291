package org.hackablemail.message;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.james.core.builder.MimeMessageBuilder;
import org.apache.james.lifecycle.api.LifecycleUtil;
import org.apache.james.server.core.MailImpl;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.hackablemail.mime.MessageSnapshot;
import org.junit.jupiter.api.Test;

class MailSnapshotsTest {
    private final MailSnapshots snapshots = new MailSnapshots();

    @Test
    void ofShouldReturnTheSameSnapshotWhenAskedTwiceForOneMail() throws Exception {
        Mail mail = mail("Hi Bob");

        MessageSnapshot first = snapshots.of(mail);

        assertThat(snapshots.of(mail)).isSameAs(first);
        assertThat(first.bodyText()).isEqualTo("Hi Bob");
    }

    @Test
    void ofShouldShareTheSnapshotWithCopiesWhenJamesSplitsTheMail() throws Exception {
        Mail mail = mail("Hi Bob");
        MessageSnapshot first = snapshots.of(mail);

        Mail copy = MailImpl.duplicate(mail);
        try {
            assertThat(snapshots.of(copy)).isSameAs(first);
        } finally {
            LifecycleUtil.dispose(copy);
        }
    }

    @Test
    void ofShouldTakeANewSnapshotWhenTheMessageWasReplaced() throws Exception {
        Mail mail = mail("Hi Bob");
        snapshots.of(mail);

        mail.setMessage(MimeMessageBuilder.mimeMessageBuilder().setSubject("Changed").setText("New text").build());
        MailSnapshots.forget(mail);

        assertThat(snapshots.of(mail).bodyText()).isEqualTo("New text");
    }

    @Test
    void ofShouldReadAgainWhenAnotherNodeTookTheSnapshot() throws Exception {
        Mail mail = mail("Hi Bob");
        MessageSnapshot elsewhere = new MailSnapshots().of(mail);

        MessageSnapshot here = snapshots.of(mail);

        assertThat(here).isNotSameAs(elsewhere);
        assertThat(here.bodyText()).isEqualTo("Hi Bob");
    }

    @Test
    void currentHeaderShouldShowFieldsAddedAfterTheSnapshot() throws Exception {
        Mail mail = mail("Hi Bob");
        snapshots.of(mail);
        mail.getMessage().addHeader("Received-SPF", "pass (mx.demo.test: domain of example.org designates 192.0.2.1)");

        assertThat(snapshots.currentHeader(mail.getMessage())).extracting(field -> field.name())
            .contains("Subject", "Received-SPF");
    }

    private static Mail mail(String text) throws Exception {
        return FakeMail.builder()
            .name("mail")
            .sender("alice@outside.example")
            .recipient("bob@demo.test")
            .mimeMessage(MimeMessageBuilder.mimeMessageBuilder().setSubject("Hello").setText(text))
            .build();
    }
}
