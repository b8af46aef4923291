package org.hackablemail.mailets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.james.core.builder.MimeMessageBuilder;
import org.apache.james.mailetcontainer.AutomaticallySentMailDetectorImpl;
import org.apache.james.metrics.tests.RecordingMetricFactory;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.ProcessingState;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.hackablemail.core.Owner;
import org.hackablemail.core.plugins.OwnerPlugins;
import org.hackablemail.core.plugins.OwnerPluginsOnDisk;
import org.hackablemail.plugin.host.SandboxLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mailet with the real plugin host and store, and the host's test plugins; James's mail context faked. */
class WasmPluginMailetTest {
    private static final Path PLUGINS = Path.of("../plugin-host/src/test/resources/plugins");
    private static final String PROCESSOR = "local-delivery";

    @TempDir
    Path storeDirectory;

    private final SandboxLimits limits = SandboxLimits.builder().callTimeout(Duration.ofSeconds(2)).build();
    private final RecordingMetricFactory metrics = new RecordingMetricFactory();
    private final FakeMailContext context = FakeMailContext.defaultContext();
    private OwnerPluginsOnDisk onDisk;
    private OwnerPlugins plugins;
    private WasmPluginMailet mailet;

    @BeforeEach
    void setUp() throws Exception {
        onDisk = new OwnerPluginsOnDisk(storeDirectory, limits);
        plugins = onDisk.plugins();
        mailet = new WasmPluginMailet(plugins, new AutomaticallySentMailDetectorImpl(), metrics, limits);
        mailet.init(config().build());
    }

    @AfterEach
    void tearDown() {
        onDisk.close();
    }

    @Test
    void serviceShouldLeaveRecipientsWithoutPluginUntouched() throws Exception {
        Mail mail = mail("bob@demo.test");

        mailet.service(mail);

        assertThat(mail.getRecipients()).containsExactly(new MailAddress("bob@demo.test"));
        assertThat(mail.getAttribute(WasmPluginMailet.OUTCOME)).isEmpty();
        assertThat(context.getSentMails()).isEmpty();
    }

    @Test
    void serviceShouldKeepARecipientWhosePluginDeliveredTheMessageUnchanged() throws Exception {
        install("bob@demo.test", "deliver-input.wasm");
        Mail mail = mail("bob@demo.test");

        mailet.service(mail);

        assertThat(mail.getRecipients()).containsExactly(new MailAddress("bob@demo.test"));
        assertThat(mail.getState()).isEqualTo(PROCESSOR);
        assertThat(mail.getAttribute(WasmPluginMailet.OUTCOME)).contains(outcome("delivered"));
        assertThat(metrics.countFor("hackablemail.plugin.outcome.delivered")).isEqualTo(1);
    }

    @Test
    void serviceShouldRetryLaterInTheSameProcessorWhenThePluginReturns75() throws Exception {
        install("bob@demo.test", "try-later.wasm");
        Mail mail = mail("bob@demo.test");

        mailet.service(mail);

        assertThat(mail.getState()).isEqualTo(Mail.GHOST);
        FakeMailContext.SentMail retry = context.getSentMails().get(0);
        assertThat(retry.getState()).isEqualTo(PROCESSOR);
        assertThat(retry.getDelay()).contains(new FakeMailContext.Delay(Duration.ofMinutes(15).toMillis(), TimeUnit.MILLISECONDS));
        assertThat(retry.getAttributes()).containsKey(WasmPluginMailet.ATTEMPTS).doesNotContainKey(WasmPluginMailet.OUTCOME);
    }

    @Test
    void serviceShouldBounceWithCode75OnceTheRetriesAreSpent() throws Exception {
        install("bob@demo.test", "try-later.wasm");
        Mail mail = mail("bob@demo.test");
        mail.setAttribute(new Attribute(WasmPluginMailet.ATTEMPTS, AttributeValue.of(4)));

        mailet.service(mail);

        FakeMailContext.SentMail bounce = context.getSentMails().get(0);
        assertThat(bounce.getState()).isEqualTo("plugin-bounces");
        assertThat(bounce.getAttributes().get(WasmPluginMailet.DELIVERY_ERROR).getValue().value().toString())
            .startsWith("550 5.7.1 ").contains("code 75").contains("after 4 retries");
    }

    @Test
    void serviceShouldBounceWithThePluginsCode() throws Exception {
        install("bob@demo.test", "refuse-77.wasm");
        Mail mail = mail("bob@demo.test");

        mailet.service(mail);

        assertThat(mail.getState()).isEqualTo(Mail.GHOST);
        FakeMailContext.SentMail bounce = context.getSentMails().get(0);
        assertThat(bounce.getState()).isEqualTo("plugin-bounces");
        assertThat(bounce.getRecipients()).containsExactly(new MailAddress("bob@demo.test"));
        assertThat(bounce.getAttributes().get(WasmPluginMailet.OUTCOME)).isEqualTo(outcome("bounced"));
        assertThat(bounce.getAttributes().get(WasmPluginMailet.DELIVERY_ERROR).getValue().value().toString()).contains("code 77");
    }

    @Test
    void serviceShouldDeliverTheOriginalWhenThePluginFailsAndThePolicyIsDeliver() throws Exception {
        mailet.init(config().setProperty("onFailure", "deliver").build());
        install("bob@demo.test", "trap.wasm");
        Mail mail = mail("bob@demo.test");

        mailet.service(mail);

        assertThat(mail.getRecipients()).containsExactly(new MailAddress("bob@demo.test"));
        assertThat(mail.getAttribute(WasmPluginMailet.OUTCOME)).contains(outcome("failed:trap"));
        assertThat(context.getSentMails()).isEmpty();
    }

    @Test
    void serviceShouldHandAFailedPluginsMailToTheProcessorThePolicyNames() throws Exception {
        mailet.init(config().setProperty("onFailure", "quarantine").build());
        install("bob@demo.test", "non-integer-output.wasm");
        Mail mail = mail("bob@demo.test");

        mailet.service(mail);

        assertThat(mail.getState()).isEqualTo(Mail.GHOST);
        assertThat(context.getSentMails()).singleElement()
            .satisfies(sent -> assertThat(sent.getState()).isEqualTo("quarantine"))
            .satisfies(sent -> assertThat(sent.getAttributes().get(WasmPluginMailet.OUTCOME)).isEqualTo(outcome("failed:bad_output")));
    }

    @Test
    void serviceShouldGiveEachRecipientTheFateOfItsOwnPlugin() throws Exception {
        install("bob@demo.test", "drop.wasm");
        install("carol@demo.test", "refuse-77.wasm");
        Mail mail = mail("bob@demo.test", "carol@demo.test", "dave@demo.test");

        mailet.service(mail);

        assertThat(mail.getRecipients()).containsExactly(new MailAddress("dave@demo.test"));
        assertThat(context.getSentMails()).singleElement()
            .satisfies(sent -> assertThat(sent.getRecipients()).containsExactly(new MailAddress("carol@demo.test")))
            .satisfies(sent -> assertThat(sent.getState()).isEqualTo("plugin-bounces"));
    }

    @Test
    void serviceShouldNotLetAPluginReplyToAutomaticMail() throws Exception {
        install("bob@demo.test", "reply-twice.wasm");
        Mail mail = FakeMail.builder()
            .name("automatic")
            .sender("robot@outside.example")
            .recipient("bob@demo.test")
            .state(PROCESSOR)
            .mimeMessage(MimeMessageBuilder.mimeMessageBuilder()
                .addHeader("Auto-Submitted", "auto-replied")
                .setSubject("Out of office")
                .setText("Away"))
            .build();

        MailAddress robot = new MailAddress("robot@outside.example");

        mailet.service(mail);

        assertThat(context.getSentMails()).noneMatch(sent -> sent.getRecipients().contains(robot));
    }

    @Test
    void requiredProcessingStateShouldNameTheBounceAndFailureProcessors() throws Exception {
        mailet.init(config().setProperty("onFailure", "quarantine").setProperty("bounceProcessor", "my-bounces").build());

        assertThat(mailet.requiredProcessingState())
            .containsExactlyInAnyOrder(new ProcessingState("my-bounces"), new ProcessingState("quarantine"));
    }

    @Test
    void initShouldRejectUnknownParameters() {
        assertThatThrownBy(() -> mailet.init(config().setProperty("onfailure", "deliver").build()))
            .isInstanceOf(MessagingException.class)
            .hasMessageContaining("onfailure");
    }

    @Test
    void initShouldRejectAnInvalidRetryDelay() {
        assertThatThrownBy(() -> mailet.init(config().setProperty("retryDelay", "soon").build()))
            .isInstanceOf(MessagingException.class)
            .hasMessageContaining("'retryDelay' must be a positive duration").hasMessageContaining("got 'soon'");
    }

    @Test
    void initShouldRejectANegativeMaxRetries() {
        assertThatThrownBy(() -> mailet.init(config().setProperty("maxRetries", "-1").build()))
            .isInstanceOf(MessagingException.class)
            .hasMessage("WasmPluginMailet: 'maxRetries' must be a whole number, 0 or more, got '-1'");
    }

    private FakeMailetConfig.Builder config() {
        return FakeMailetConfig.builder().mailetName("WasmPluginMailet").mailetContext(context);
    }

    private void install(String owner, String plugin) throws Exception {
        plugins.push(Owner.of(owner), Files.readAllBytes(PLUGINS.resolve(plugin)), List.of(), "test", false);
    }

    private static Mail mail(String... recipients) throws MessagingException {
        return FakeMail.builder()
            .name("mail")
            .sender("alice@outside.example")
            .recipients(recipients)
            .state(PROCESSOR)
            .mimeMessage(MimeMessageBuilder.mimeMessageBuilder()
                .addHeader("Message-ID", "<1@outside.example>")
                .setSubject("Hello")
                .setText("Hi there"))
            .build();
    }

    private static Attribute outcome(String value) {
        return new Attribute(WasmPluginMailet.OUTCOME, AttributeValue.of(value));
    }
}
