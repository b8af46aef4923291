package org.hackablemail.mailets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.Optional;
import java.nio.file.Path;

import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.MimeBodyPart;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.apache.commons.configuration2.MapConfiguration;
import org.hackablemail.bayes.TokenStatistics;
import org.hackablemail.bayes.model.CountTable;
import org.hackablemail.bayes.store.Scope;
import org.hackablemail.config.HackableMailConfiguration;
import org.hackablemail.spam.SpamFilter;
import org.hackablemail.spam.SpamFilters;
import org.hackablemail.spam.SyntheticMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BayesianTrainerTest {
    private static final String SPAM = "spam@demo.test";
    private static final String HAM = "ham@demo.test";
    private static final String ALICE = "alice@demo.test";
    private static final Scope ALICES_LAYER = Scope.user(ALICE);

    @TempDir
    Path workingDirectory;

    private SpamFilter spamFilter;
    private FakeMailContext context;

    @BeforeEach
    void setUp() {
        spamFilter = SpamFilters.in(workingDirectory);
        context = FakeMailContext.defaultContext();
    }

    @AfterEach
    void tearDown() throws Exception {
        spamFilter.close();
    }

    private BayesianTrainer trainer(FakeMailetConfig.Builder config) throws MessagingException {
        BayesianTrainer trainer = new BayesianTrainer(spamFilter);
        trainer.init(config.mailetContext(context).build());
        return trainer;
    }

    private static FakeMailetConfig.Builder config() {
        return FakeMailetConfig.builder().mailetName("BayesianTrainer")
            .setProperty("spamAddress", SPAM)
            .setProperty("hamAddress", HAM);
    }

    private static FakeMail.Builder mailTo(MimeMessage message, String... recipients) throws MessagingException {
        return FakeMail.builder()
            .name("mail1")
            .sender(ALICE)
            .recipients(recipients)
            .mimeMessage(message);
    }

    private static FakeMail authenticated(FakeMail.Builder mail) throws MessagingException {
        return mail.attribute(new Attribute(Mail.SMTP_AUTH_USER, AttributeValue.of(ALICE))).build();
    }

    private static MimeMessage redirected(byte[] message) throws MessagingException {
        return new MimeMessage(null, new ByteArrayInputStream(message));
    }

    /** A mail forwarding each message as a message/rfc822 attachment, after a text part. */
    private static MimeMessage forwarding(byte[]... messages) throws MessagingException {
        MimeMultipart multipart = new MimeMultipart();
        MimeBodyPart text = new MimeBodyPart();
        text.setText("These are spam");
        multipart.addBodyPart(text);
        for (byte[] message : messages) {
            MimeBodyPart attachment = new MimeBodyPart();
            attachment.setContent(redirected(message), "message/rfc822");
            multipart.addBodyPart(attachment);
        }
        MimeMessage forward = new MimeMessage((Session) null);
        forward.setSubject("Fwd: spam");
        forward.setContent(multipart);
        forward.saveChanges();
        return forward;
    }

    /** What Alice's personal layer learnt. */
    private TokenStatistics totals() {
        return spamFilter.filter().model().layer(ALICES_LAYER).map(layer -> (TokenStatistics) layer).orElse(new CountTable());
    }

    @Test
    void shouldLearnEachForwardedAttachmentAsSpamAndNotDeliverTheTrainingMail() throws Exception {
        FakeMail mail = authenticated(mailTo(forwarding(SyntheticMail.spam(1), SyntheticMail.spam(2)), SPAM));

        trainer(config()).service(mail);

        assertThat(totals().spamMessages()).isEqualTo(2);
        assertThat(totals().hamMessages()).isZero();
        assertThat(mail.getState()).isEqualTo(Mail.GHOST);
    }

    @Test
    void shouldLearnARedirectedMessageAsHam() throws Exception {
        FakeMail mail = authenticated(mailTo(redirected(SyntheticMail.ham(1)), HAM));

        trainer(config()).service(mail);

        assertThat(totals().hamMessages()).isEqualTo(1);
    }

    @Test
    void shouldDeliverToTheOtherRecipientsOnly() throws Exception {
        FakeMail mail = authenticated(mailTo(redirected(SyntheticMail.ham(1)), HAM, "bob@demo.test"));

        trainer(config()).service(mail);

        assertThat(mail.getRecipients()).containsExactly(new MailAddress("bob@demo.test"));
        assertThat(mail.getState()).isNotEqualTo(Mail.GHOST);
    }

    @Test
    void shouldConfirmToTheSenderFromTheTrainingAddress() throws Exception {
        FakeMail mail = authenticated(mailTo(forwarding(SyntheticMail.spam(1)), SPAM));

        trainer(config()).service(mail);

        assertThat(context.getSentMails()).hasSize(1);
        FakeMailContext.SentMail confirmation = context.getSentMails().get(0);
        assertThat(confirmation.getSender()).isEqualTo(new MailAddress(SPAM));
        assertThat(confirmation.getRecipients()).containsExactly(new MailAddress(ALICE));
        assertThat(confirmation.getMsg().getSubject()).isEqualTo("Learnt 1 message(s) as spam");
        assertThat(confirmation.getMsg().getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
    }

    @Test
    void shouldNotConfirmWhenReplyIsOff() throws Exception {
        FakeMail mail = authenticated(mailTo(forwarding(SyntheticMail.spam(1)), SPAM));

        trainer(config().setProperty("reply", "false")).service(mail);

        assertThat(totals().spamMessages()).isEqualTo(1);
        assertThat(context.getSentMails()).isEmpty();
    }

    @Test
    void shouldNeitherLearnNorDeliverWhenTheSenderDidNotAuthenticate() throws Exception {
        FakeMail mail = mailTo(forwarding(SyntheticMail.spam(1)), SPAM).build();

        trainer(config()).service(mail);

        assertThat(totals().spamMessages()).isZero();
        assertThat(mail.getState()).isEqualTo(Mail.GHOST);
        assertThat(context.getSentMails()).isEmpty();
    }

    @Test
    void shouldLearnNothingWhenSentToBothAddresses() throws Exception {
        FakeMail mail = authenticated(mailTo(redirected(SyntheticMail.spam(1)), SPAM, HAM));

        trainer(config()).service(mail);

        assertThat(totals().spamMessages() + totals().hamMessages()).isZero();
        assertThat(context.getSentMails()).singleElement()
            .satisfies(sent -> assertThat(sent.getMsg().getSubject()).isEqualTo("Nothing learnt"));
    }

    @Test
    void shouldLeaveOtherMailAlone() throws Exception {
        FakeMail mail = authenticated(mailTo(redirected(SyntheticMail.spam(1)), "bob@demo.test"));

        trainer(config()).service(mail);

        assertThat(totals().spamMessages()).isZero();
        assertThat(mail.getRecipients()).containsExactly(new MailAddress("bob@demo.test"));
        assertThat(context.getSentMails()).isEmpty();
    }

    @Test
    void shouldAcceptASpamAddressAlone() throws Exception {
        FakeMail mail = authenticated(mailTo(redirected(SyntheticMail.spam(1)), SPAM));

        trainer(FakeMailetConfig.builder().mailetName("BayesianTrainer").setProperty("spamAddress", SPAM)).service(mail);

        assertThat(totals().spamMessages()).isEqualTo(1);
    }

    @Test
    void initShouldThrowWhenNoAddressIsGiven() {
        assertThatThrownBy(() -> trainer(FakeMailetConfig.builder().mailetName("BayesianTrainer")))
            .isInstanceOf(MessagingException.class)
            .hasMessageContaining("give 'spamAddress', 'hamAddress' or both");
    }

    @Test
    void initShouldThrowWhenAnAddressIsInvalid() {
        assertThatThrownBy(() -> trainer(config().setProperty("hamAddress", "not an address")))
            .isInstanceOf(MessagingException.class)
            .hasMessageContaining("'hamAddress' must be a mail address, got 'not an address'");
    }

    @Test
    void initShouldThrowWhenBothAddressesAreTheSame() {
        assertThatThrownBy(() -> trainer(config().setProperty("hamAddress", SPAM)))
            .isInstanceOf(MessagingException.class)
            .hasMessageContaining("must differ");
    }

    @Test
    void initShouldThrowWhenAParameterIsUnknown() {
        assertThatThrownBy(() -> trainer(config().setProperty("spam", SPAM)))
            .isInstanceOf(MessagingException.class)
            .hasMessageContaining("Unexpected init parameters found: [spam]");
    }

    @Test
    void initShouldThrowWhenReplyIsNotABoolean() {
        assertThatThrownBy(() -> trainer(config().setProperty("reply", "sometimes")))
            .isInstanceOf(MessagingException.class)
            .hasMessageContaining("'reply' must be true or false");
    }

    @Test
    void trainedFilterShouldRecogniseSpamLearntByMailForTheUserWhoTaughtIt() throws Exception {
        BayesianTrainer trainer = trainer(config().setProperty("reply", "false"));
        for (byte[] spam : SyntheticMail.spam()) {
            trainer.service(authenticated(mailTo(redirected(spam), SPAM)));
        }
        trainer.service(authenticated(mailTo(forwarding(SyntheticMail.ham().toArray(byte[][]::new)), HAM)));

        assertThat(spamFilter.filter().classify(spamFilter.filter().tokenize(SyntheticMail.spam(99)), Optional.of(ALICES_LAYER))
            .verdict().headerValue()).isEqualTo("yes");
        assertThat(totals().hamMessages()).isEqualTo(25);
        assertThat(spamFilter.filter().statistics().spamMessages()).as("the shared model").isZero();
    }

    @Test
    void shouldCountAMessageOnceWhenItIsMailedTwice() throws Exception {
        trainer(config()).service(authenticated(mailTo(redirected(SyntheticMail.spam(1)), SPAM)));

        trainer(config()).service(authenticated(mailTo(forwarding(SyntheticMail.spam(1)), SPAM)));

        assertThat(totals().spamMessages()).isEqualTo(1);
        assertThat(context.getSentMails().get(1).getMsg().getContent().toString()).contains("1 of them already were");
    }

    @Test
    void shouldRelabelAMessageMailedToTheOtherAddress() throws Exception {
        trainer(config()).service(authenticated(mailTo(redirected(SyntheticMail.ham(1)), SPAM)));

        trainer(config()).service(authenticated(mailTo(redirected(SyntheticMail.ham(1)), HAM)));

        assertThat(totals().spamMessages()).isZero();
        assertThat(totals().hamMessages()).isEqualTo(1);
    }

    @Test
    void shouldTeachTheSharedModelWhenTheSenderIsASharedTrainer() throws Exception {
        spamFilter.close();
        HackableMailConfiguration configuration = new HackableMailConfiguration(
            new MapConfiguration(Map.of("bayes.shared.trainers", "Alice@demo.test")), "test", workingDirectory);
        spamFilter = SpamFilters.in(workingDirectory, configuration);

        trainer(config()).service(authenticated(mailTo(redirected(SyntheticMail.spam(1)), SPAM)));

        assertThat(spamFilter.filter().statistics().spamMessages()).isEqualTo(1);
        assertThat(totals().spamMessages()).isZero();
    }
}
