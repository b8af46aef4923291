package org.hackablemail.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import javax.mail.Session;
import javax.mail.internet.MimeMessage;

import org.apache.james.core.MailAddress;
import org.apache.james.core.builder.MimeMessageBuilder;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.hackablemail.mailets.BayesianSpamTagger;
import org.hackablemail.mailets.SpfAnnotator;
import org.hackablemail.message.MailSnapshots;
import org.hackablemail.plugin.email.IncomingEmail;
import org.junit.jupiter.api.Test;

class IncomingEmailFactoryTest {
    private final IncomingEmailFactory factory = new IncomingEmailFactory(new MailSnapshots(), 1024 * 1024);

    @Test
    void createShouldGiveThePluginTheVerdictsOfEarlierMailets() throws Exception {
        Mail mail = mail();
        mail.setAttribute(new Attribute(BayesianSpamTagger.VERDICT_ATTRIBUTE, AttributeValue.of("yes")));
        mail.setAttribute(new Attribute(BayesianSpamTagger.SCORE_ATTRIBUTE, AttributeValue.of(0.97)));
        mail.setAttribute(new Attribute(SpfAnnotator.RESULT_ATTRIBUTE, AttributeValue.of("softfail")));

        IncomingEmail email = factory.view(mail).forRecipient(new MailAddress("bob@demo.test")).email();

        assertThat(email.spam()).isEqualTo(new IncomingEmail.SpamResult("yes", 0.97));
        assertThat(email.spf()).isEqualTo(new IncomingEmail.SpfResult("softfail"));
    }

    @Test
    void forRecipientShouldNameEachRecipientOfOneReading() throws Exception {
        IncomingEmailFactory.MailView view = factory.view(mail());

        assertThat(view.forRecipient(new MailAddress("bob@demo.test")).email().receiver()).isEqualTo("bob@demo.test");
        assertThat(view.forRecipient(new MailAddress("carol@demo.test")).email().receiver()).isEqualTo("carol@demo.test");
    }

    @Test
    void createShouldLeaveVerdictsOutWhenNoMailetGaveAny() throws Exception {
        IncomingEmail email = factory.view(mail()).forRecipient(new MailAddress("bob@demo.test")).email();

        assertThat(email.spam()).isNull();
        assertThat(email.spf()).isNull();
        assertThat(email.sender()).isEqualTo("alice@outside.example");
        assertThat(email.receiver()).isEqualTo("bob@demo.test");
        assertThat(email.headers()).containsEntry("Subject", "Hello");
        assertThat(email.body()).isEqualTo("Hi Bob");
    }

    @Test
    void viewShouldShowHeaderAddedAfterTheSnapshotWasTaken() throws Exception {
        MailSnapshots snapshots = new MailSnapshots();
        Mail mail = mail();
        snapshots.of(mail);
        mail.getMessage().setHeader("X-Spam-Bayes", "no");
        mail.getMessage().saveChanges();

        IncomingEmail email = new IncomingEmailFactory(snapshots, 1024 * 1024).view(mail)
            .forRecipient(new MailAddress("bob@demo.test")).email();

        assertThat(email.headers()).containsEntry("X-Spam-Bayes", "no").containsEntry("Subject", "Hello");
        assertThat(email.body()).isEqualTo("Hi Bob");
    }

    @Test
    void viewShouldListAttachmentsAndProblemsWhenAPartIsBroken() throws Exception {
        Mail mail = FakeMail.builder()
            .name("broken")
            .sender("alice@outside.example")
            .recipient("bob@demo.test")
            .mimeMessage(new MimeMessage(Session.getDefaultInstance(new Properties()), new ByteArrayInputStream((
                "Subject: broken\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
                + "--b\r\nContent-Type: text/plain; charset=x-nope\r\n\r\nread me\r\n"
                + "--b\r\nContent-Type: application/x-msdownload; name=evil.exe\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n!!TVqQ\r\n--b--\r\n").getBytes(StandardCharsets.US_ASCII))))
            .build();

        IncomingEmail email = factory.view(mail).forRecipient(new MailAddress("bob@demo.test")).email();

        assertThat(email.body()).isEqualTo("read me");
        assertThat(email.attachments()).extracting(IncomingEmail.Attachment::name).containsExactly("evil.exe");
        assertThat(email.problems()).extracting(IncomingEmail.Problem::code).containsExactly("unknown-charset", "bad-base64");
    }

    private static Mail mail() throws Exception {
        return FakeMail.builder()
            .name("mail")
            .sender("alice@outside.example")
            .recipient("bob@demo.test")
            .mimeMessage(MimeMessageBuilder.mimeMessageBuilder().setSubject("Hello").setText("Hi Bob"))
            .build();
    }
}
