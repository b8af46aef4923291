package org.hackablemail.mailets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Set;

import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import org.apache.commons.configuration2.MapConfiguration;
import org.apache.james.core.MailAddress;
import org.apache.james.lifecycle.api.LifecycleUtil;
import org.apache.james.metrics.api.NoopGaugeRegistry;
import org.apache.james.metrics.tests.RecordingMetricFactory;
import org.apache.james.server.core.MailImpl;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeUtils;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.ProcessingState;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.hackablemail.bayes.Label;
import org.hackablemail.bayes.store.Scope;
import org.hackablemail.bayes.store.Source;
import org.hackablemail.bayes.store.TrainingEntry;
import org.hackablemail.bayes.store.TrainingKey;
import org.hackablemail.config.HackableMailConfiguration;
import org.hackablemail.message.MailSnapshots;
import org.hackablemail.metrics.BundleMetrics;
import org.hackablemail.spam.SpamFilter;
import org.hackablemail.spam.SpamFilters;
import org.hackablemail.spam.SyntheticMail;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BayesianSpamTaggerTest {
    private static final String ALICE = "alice@demo.test";
    private static final String BOB = "bob@demo.test";

    @TempDir
    Path workingDirectory;

    private SpamFilter spamFilter;
    private final RecordingMetricFactory metricFactory = new RecordingMetricFactory();

    @BeforeEach
    void setUp() {
        spamFilter = SpamFilters.in(workingDirectory);
    }

    @AfterEach
    void tearDown() throws Exception {
        spamFilter.close();
    }

    private void train() throws Exception {
        spamFilter.filter().train(Label.SPAM, SyntheticMail.spam());
        spamFilter.filter().train(Label.HAM, SyntheticMail.ham());
    }

    private BayesianSpamTagger tagger(FakeMailetConfig.Builder config) throws MessagingException {
        BayesianSpamTagger tagger = new BayesianSpamTagger(spamFilter, new BundleMetrics(metricFactory, new NoopGaugeRegistry()),
            new MailSnapshots());
        tagger.init(config.build());
        return tagger;
    }

    private static FakeMailetConfig.Builder config() {
        return FakeMailetConfig.builder().mailetName("BayesianSpamTagger");
    }

    private static FakeMail mail(byte[] message) throws MessagingException {
        return FakeMail.builder()
            .name("mail1")
            .recipient("someone@demo.test")
            .mimeMessage(new MimeMessage(null, new ByteArrayInputStream(message)))
            .build();
    }

    private static String header(Mail mail, String name) throws MessagingException {
        return mail.getMessage().getHeader(name, ",");
    }

    @Test
    void shouldTagSpamWithHeadersAndAttributesWhenTrained() throws Exception {
        train();
        FakeMail mail = mail(SyntheticMail.message("x@spam.example", "Claim your casino prize", SyntheticMail.SPAM_TEXT));

        tagger(config()).service(mail);

        assertThat(header(mail, "X-Spam-Bayes")).isEqualTo("yes");
        assertThat(header(mail, "X-Spam-Flag")).isEqualTo("YES");
        assertThat(Double.parseDouble(header(mail, "X-Spam-Bayes-Score"))).isGreaterThanOrEqualTo(0.9);
        assertThat(header(mail, "X-Spam-Bayes-Score")).matches("\\d\\.\\d{4}");
        assertThat(AttributeUtils.getValueAndCastFromMail(mail, BayesianSpamTagger.VERDICT_ATTRIBUTE, String.class)).contains("yes");
        assertThat(AttributeUtils.getValueAndCastFromMail(mail, BayesianSpamTagger.SCORE_ATTRIBUTE, Double.class))
            .hasValueSatisfying(score -> assertThat(score).isGreaterThanOrEqualTo(0.9));
    }

    @Test
    void shouldTagHamWithoutSpamFlagWhenTrained() throws Exception {
        train();
        FakeMail mail = mail(SyntheticMail.message("y@work.example", "Project meeting", SyntheticMail.HAM_TEXT));

        tagger(config()).service(mail);

        assertThat(header(mail, "X-Spam-Bayes")).isEqualTo("no");
        assertThat(header(mail, "X-Spam-Flag")).isNull();
        assertThat(metricFactory.countFor("hackablemail.bayes.verdict.no")).isEqualTo(1);
        assertThat(metricFactory.countFor("hackablemail.bayes.verdict.yes")).isZero();
        assertThat(AttributeUtils.getValueAndCastFromMail(mail, BayesianSpamTagger.VERDICT_ATTRIBUTE, String.class)).contains("no");
    }

    @Test
    void shouldSayUnknownWhenTheStoreIsUntrained() throws Exception {
        FakeMail mail = mail(SyntheticMail.spam(1));

        tagger(config().setProperty("spamThreshold", "0.5").setProperty("hamThreshold", "0.5")).service(mail);

        assertThat(header(mail, "X-Spam-Bayes")).isEqualTo("unknown");
        assertThat(header(mail, "X-Spam-Bayes-Score")).isEqualTo("0.5000");
        assertThat(AttributeUtils.getValueAndCastFromMail(mail, BayesianSpamTagger.SCORE_ATTRIBUTE, Double.class)).contains(0.5);
    }

    @Test
    void shouldSayUnknownWhenTheScoreIsBetweenTheThresholds() throws Exception {
        train();
        FakeMail mail = mail(SyntheticMail.message("x@elsewhere.example", "Hello", SyntheticMail.SPAM_TEXT + " " + SyntheticMail.HAM_TEXT));

        tagger(config()).service(mail);

        assertThat(header(mail, "X-Spam-Bayes")).isEqualTo("unknown");
        assertThat(header(mail, "X-Spam-Flag")).isNull();
    }

    @Test
    void shouldReplaceVerdictHeadersTheMessageCameWith() throws Exception {
        FakeMail mail = spamTaggedAfter("X-Spam-Bayes: no\r\nX-Spam-Bayes-Score: 0.0000\r\n");

        assertThat(mail.getMessage().getHeader("X-Spam-Bayes")).containsExactly("yes");
        assertThat(mail.getMessage().getHeader("X-Spam-Bayes-Score")).hasSize(1);
    }

    @Test
    void shouldReplaceVerdictHeadersWhateverTheirCaseOrFolding() throws Exception {
        FakeMail mail = spamTaggedAfter("x-spam-BAYES: no\r\nX-Spam-Bayes-Model :\r\n\tshared\r\n");

        assertThat(mail.getMessage().getHeader("X-Spam-Bayes")).containsExactly("yes");
        assertThat(mail.getMessage().getHeader("X-Spam-Bayes-Model")).hasSize(1);
        assertThat(Collections.list(mail.getMessage().getAllHeaderLines())).noneMatch(line -> line.contains("\tshared"));
    }

    /** A trained tagger's work on a spam message that came with {@code forgedFields} on top. */
    private FakeMail spamTaggedAfter(String forgedFields) throws Exception {
        train();
        FakeMail mail = mail((forgedFields + new String(SyntheticMail.spam(3), StandardCharsets.US_ASCII))
            .getBytes(StandardCharsets.US_ASCII));
        tagger(config()).service(mail);
        return mail;
    }

    /** The plugins read the same snapshot in local-delivery, with the header as the tagger left it. */
    @Test
    void shouldLeaveItsSnapshotOfTheMessageForLaterReaders() throws Exception {
        train();
        MailSnapshots snapshots = new MailSnapshots();
        FakeMail mail = mail(SyntheticMail.spam(1));
        BayesianSpamTagger tagger = new BayesianSpamTagger(spamFilter, new BundleMetrics(metricFactory, new NoopGaugeRegistry()),
            snapshots);
        tagger.init(config().build());

        tagger.service(mail);

        String key = mail.getAttribute(MailSnapshots.ATTRIBUTE).orElseThrow().getValue().value().toString();
        assertThat(snapshots.of(mail)).isSameAs(snapshots.of(mail));
        assertThat(mail.getAttribute(MailSnapshots.ATTRIBUTE).orElseThrow().getValue().value()).isEqualTo(key);
        assertThat(snapshots.currentHeader(mail.getMessage())).extracting(field -> field.name()).contains("X-Spam-Bayes");
    }

    @Test
    void shouldSkipMailFromAuthenticatedSendersByDefault() throws Exception {
        train();
        FakeMail mail = mail(SyntheticMail.spam(1));
        mail.setAttribute(new Attribute(Mail.SMTP_AUTH_USER, AttributeValue.of("alice@demo.test")));

        tagger(config()).service(mail);

        assertThat(header(mail, "X-Spam-Bayes")).isNull();
        assertThat(mail.getAttribute(BayesianSpamTagger.VERDICT_ATTRIBUTE)).isEmpty();
    }

    @Test
    void shouldTagMailFromAuthenticatedSendersWhenAsked() throws Exception {
        train();
        FakeMail mail = mail(SyntheticMail.spam(1));
        mail.setAttribute(new Attribute(Mail.SMTP_AUTH_USER, AttributeValue.of("alice@demo.test")));

        tagger(config().setProperty("skipAuthenticated", "false")).service(mail);

        assertThat(header(mail, "X-Spam-Bayes")).isEqualTo("yes");
    }

    @Test
    void shouldSayWhichModelDecided() throws Exception {
        train();
        FakeMail mail = mail(SyntheticMail.spam(1));

        tagger(config()).service(mail);

        assertThat(header(mail, "X-Spam-Bayes-Model")).isEqualTo("shared");
    }

    @Test
    void shouldSplitTheMailPerRecipientWhenTheirVerdictsDiffer() throws Exception {
        trainAliceToCallTheNewsletterSpam();
        FakeMailContext context = FakeMailContext.defaultContext();
        FakeMail mail = FakeMail.builder().name("mail1").recipients(BOB, ALICE)
            .mimeMessage(new MimeMessage(null, new ByteArrayInputStream(withMessageId(newsletter(4))))).build();
        BayesianSpamTagger tagger = new BayesianSpamTagger(spamFilter, new BundleMetrics(metricFactory, new NoopGaugeRegistry()),
            new MailSnapshots());
        tagger.init(config().mailetContext(context).build());

        tagger.service(mail);

        assertThat(mail.getRecipients()).containsExactly(new MailAddress(BOB));
        assertThat(header(mail, "X-Spam-Bayes")).isNotEqualTo("yes");
        assertThat(header(mail, "X-Spam-Bayes-Model")).isEqualTo("shared");
        assertThat(header(mail, "X-Spam-Flag")).isNull();
        assertThat(context.getSentMails()).singleElement().satisfies(copy -> {
            assertThat(copy.getRecipients()).containsExactly(new MailAddress(ALICE));
            assertThat(copy.getState()).isEqualTo("transport");
            assertThat(copy.getMsg().getHeader("X-Spam-Bayes", null)).isEqualTo("yes");
            assertThat(copy.getMsg().getHeader("X-Spam-Bayes-Model", null)).isEqualTo("personal");
            assertThat(copy.getMsg().getHeader("X-Spam-Flag", null)).isEqualTo("YES");
            assertThat(copy.getMsg().getMessageID()).isEqualTo("<issue4@garden-club.example>");
            assertThat(copy.getAttributes().get(BayesianSpamTagger.VERDICT_ATTRIBUTE).getValue())
                .isEqualTo(AttributeValue.of("yes"));
        });
    }

    @Test
    void shouldGiveTheSplitCopyAMessageOfItsOwnWhenTheMailIsJamesOwn() throws Exception {
        trainAliceToCallTheNewsletterSpam();
        FakeMailContext context = FakeMailContext.defaultContext();
        MailImpl mail = MailImpl.builder().name("mail1").addRecipients(new MailAddress(BOB), new MailAddress(ALICE))
            .mimeMessage(new MimeMessage(null, new ByteArrayInputStream(withMessageId(newsletter(4))))).build();
        try {
            BayesianSpamTagger tagger = new BayesianSpamTagger(spamFilter,
                new BundleMetrics(metricFactory, new NoopGaugeRegistry()), new MailSnapshots());
            tagger.init(config().mailetContext(context).build());

            tagger.service(mail);

            assertThat(mail.getRecipients()).containsExactly(new MailAddress(BOB));
            assertThat(header(mail, "X-Spam-Flag")).isNull();
            assertThat(header(mail, "X-Spam-Bayes-Model")).isEqualTo("shared");
            assertThat(mail.getMessage().getMessageID()).isEqualTo("<issue4@garden-club.example>");
            assertThat(context.getSentMails()).singleElement().satisfies(copy -> {
                assertThat(copy.getRecipients()).containsExactly(new MailAddress(ALICE));
                assertThat(copy.getMsg().getHeader("X-Spam-Flag", null)).isEqualTo("YES");
                assertThat(copy.getMsg().getHeader("X-Spam-Bayes-Model", null)).isEqualTo("personal");
                assertThat(copy.getMsg().getMessageID()).isEqualTo("<issue4@garden-club.example>");
            });
        } finally {
            LifecycleUtil.dispose(mail);
        }
    }

    @Test
    void shouldKeepOneMailWhenEveryRecipientGetsTheSameVerdict() throws Exception {
        train();
        FakeMailContext context = FakeMailContext.defaultContext();
        FakeMail mail = FakeMail.builder().name("mail1").recipients(BOB, ALICE)
            .mimeMessage(new MimeMessage(null, new ByteArrayInputStream(SyntheticMail.spam(5)))).build();
        BayesianSpamTagger tagger = new BayesianSpamTagger(spamFilter, new BundleMetrics(metricFactory, new NoopGaugeRegistry()),
            new MailSnapshots());
        tagger.init(config().mailetContext(context).build());

        tagger.service(mail);

        assertThat(mail.getRecipients()).containsExactly(new MailAddress(BOB), new MailAddress(ALICE));
        assertThat(context.getSentMails()).isEmpty();
        assertThat(header(mail, "X-Spam-Bayes")).isEqualTo("yes");
    }

    @Test
    void shouldNeedTheProcessorItSendsSplitCopiesTo() throws Exception {
        assertThat(tagger(config().setProperty("splitProcessor", "spam-check")).requiredProcessingState())
            .containsExactly(new ProcessingState("spam-check"));
    }

    /** The shared model does not call the garden club's newsletter spam; Alice's personal layer does. */
    private void trainAliceToCallTheNewsletterSpam() throws Exception {
        train();
        for (int issue = 1; issue <= 3; issue++) {
            int number = issue;
            spamFilter.filter().learn(TrainingKey.mailboxMessage(Scope.user(ALICE), "n" + issue), Label.SPAM, Source.MOVE,
                () -> newsletter(number));
        }
    }

    private static byte[] withMessageId(byte[] message) {
        return ("Message-ID: <issue4@garden-club.example>\r\n" + new String(message, StandardCharsets.US_ASCII))
            .getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] newsletter(int issue) {
        return SyntheticMail.message("letters@garden-club.example", "Garden club digest " + issue,
            "This week in the garden club: tulips, roses, compost, seedlings and watering tips for the spring planting "
                + "season. Visit https://garden-club.example/issue" + issue + " for pictures.");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "spamThreshold|1.5|'spamThreshold' must be a number between 0 and 1, got '1.5'",
        "hamThreshold|low|'hamThreshold' must be a number between 0 and 1, got 'low'",
        "maxMessageSize|-1|'maxMessageSize' must be a positive size such as 512K or 2M, got '-1'",
        "skipAuthenticated|yes|'skipAuthenticated' must be true or false, got 'yes'",
        "threshold|0.9|Unexpected init parameters found: [threshold]"})
    void initShouldThrowWhenAParameterIsInvalid(String name, String value, String message) {
        assertThatThrownBy(() -> tagger(config().setProperty(name, value)))
            .isInstanceOf(MessagingException.class)
            .hasMessageContaining(message);
    }

    @Test
    void initShouldThrowWhenHamThresholdIsAboveSpamThreshold() {
        assertThatThrownBy(() -> tagger(config().setProperty("spamThreshold", "0.5").setProperty("hamThreshold", "0.6")))
            .isInstanceOf(MessagingException.class)
            .hasMessageContaining("'hamThreshold' (0.6) must not be above 'spamThreshold' (0.5)");
    }

    @Test
    void shouldAutolearnAConfidentVerdictFromTheTokensItClassifiedWhenAutolearnIsOn() throws Exception {
        spamFilter.close();
        spamFilter = SpamFilters.in(workingDirectory, new HackableMailConfiguration(new MapConfiguration(Map.of(
            "bayes.autolearn", "true", "bayes.autolearn.min.messages", "20")), "test", workingDirectory));
        train();
        byte[] message = SyntheticMail.spam(99);
        TrainingKey key = TrainingKey.content(Scope.SHARED, message);
        Set<String> classified = spamFilter.filter().tokenize(message);

        tagger(config()).service(mail(message));

        Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> spamFilter.filter().entry(key).isPresent());
        TrainingEntry learnt = spamFilter.filter().entry(key).orElseThrow();
        assertThat(learnt.source()).isEqualTo(Source.AUTOLEARN);
        assertThat(learnt.teaching().tokens()).isEqualTo(classified);
        assertThat(spamFilter.filter().model().shared().spamMessages()).isEqualTo(26);
    }
}
