package org.hackablemail.mailets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Clock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javax.mail.MessagingException;
import javax.mail.internet.AddressException;

import org.apache.james.core.MailAddress;
import org.apache.james.core.Username;
import org.apache.james.core.builder.MimeMessageBuilder;
import org.apache.james.mailetcontainer.AutomaticallySentMailDetectorImpl;
import org.apache.james.metrics.tests.RecordingMetricFactory;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.MailetContext;
import org.apache.mailet.ProcessingState;
import org.apache.mailet.StorageDirective;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.hackablemail.core.Owner;
import org.hackablemail.core.plugins.OwnerPlugins;
import org.hackablemail.core.SettableClock;
import org.hackablemail.core.cache.RefreshPolicy;
import org.hackablemail.core.circuit.CircuitBreaker;
import org.hackablemail.core.circuit.CircuitStore;
import org.hackablemail.core.circuit.Fallback;
import org.hackablemail.core.circuit.fs.FileSystemCircuitStore;
import org.hackablemail.core.store.PluginStore;
import org.hackablemail.core.store.StorageSettings;
import org.hackablemail.core.store.fs.FileSystemStorage;
import org.hackablemail.message.MailSnapshots;
import org.hackablemail.plugin.host.HostCapacity;
import org.hackablemail.plugin.host.PluginFailure;
import org.hackablemail.plugin.host.PluginHost;
import org.hackablemail.plugin.host.SandboxLimits;
import org.hackablemail.plugin.simulation.SimulationSuite;
import org.hackablemail.plugins.ReplyBudget;
import org.hackablemail.plugins.SenderVouching;
import org.hackablemail.plugins.SuspensionNotice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mailet with the real plugin host and store, and the host's test plugins; James's mail context faked. */
class WasmPluginMailetTest {
    private static final Path PLUGINS = Path.of("../plugin-host/src/test/resources/plugins");
    private static final String PROCESSOR = "local-delivery";
    /** Delivers every message; replies when it mentions Project XYZ. */
    private static final String PROJECT_XYZ = "../../../../../pdk/examples/project-xyz-c/project-xyz.wasm";
    private static final String TAGGER = "../../../../../pdk/examples/subject-tagger-wat/subject-tagger.wasm";

    @TempDir
    Path storeDirectory;

    private final SandboxLimits limits = SandboxLimits.builder().callTimeout(Duration.ofSeconds(2)).build();
    private final SettableClock clock = new SettableClock();
    private final StoreSwitch storeSwitch = new StoreSwitch();
    private final StoreSwitch circuitSwitch = new StoreSwitch();
    private final RecordingMetricFactory metrics = new RecordingMetricFactory();
    private final FakeMailContext context = FakeMailContext.builder().postmaster(postmaster()).build();
    private FileSystemStorage storage;
    private PluginHost host;
    private CircuitBreaker circuits;
    private OwnerPlugins plugins;
    private WasmPluginMailet mailet;

    @BeforeEach
    void setUp() throws Exception {
        storage = new FileSystemStorage(storeDirectory, Clock.systemUTC(), StorageSettings.defaults());
        PluginStore store = storeSwitch.wrap(PluginStore.class, storage.plugins());
        host = new PluginHost(limits, HostCapacity.defaults());
        RefreshPolicy refresh = new RefreshPolicy(Duration.ofSeconds(5), clock, Runnable::run);
        circuits = new CircuitBreaker(circuitSwitch.wrap(CircuitStore.class,
                new FileSystemCircuitStore(storeDirectory.resolve("circuits"))),
            new CircuitBreaker.Settings(2, 2), clock, refresh);
        plugins = new OwnerPlugins(store, storage.variables(), host, new SimulationSuite(host, limits), storage.audit(),
            circuits, refresh, run -> {
            });
        mailet = mailet(new ReplyBudget(10, clock));
        mailet.init(config().build());
    }

    private WasmPluginMailet mailet(ReplyBudget replies) {
        return new WasmPluginMailet(plugins, new AutomaticallySentMailDetectorImpl(), metrics, limits,
            SenderVouching.LOCAL_EVIDENCE_ONLY, replies, new MailSnapshots(), circuits,
            address -> Username.of(address.asString()), clock);
    }

    @AfterEach
    void tearDown() {
        host.close();
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
        assertThat(metrics.countFor("hackablemail.plugin.fate.delivered")).isEqualTo(1);
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
        Mail mail = authenticated(mail("bob@demo.test"));
        mail.setAttribute(new Attribute(WasmPluginMailet.ATTEMPTS, AttributeValue.of(4)));

        mailet.service(mail);

        FakeMailContext.SentMail bounce = context.getSentMails().get(0);
        assertThat(bounce.getState()).isEqualTo("plugin-bounces");
        assertThat(bounce.getAttributes().get(WasmPluginMailet.DELIVERY_ERROR).getValue().value().toString())
            .startsWith("550 5.7.1 ").contains("code 75").contains("after 4 retries");
    }

    @Test
    void serviceShouldBounceWithThePluginsCodeWhenTheSenderAuthenticated() throws Exception {
        install("bob@demo.test", "refuse-77.wasm");
        Mail mail = authenticated(mail("bob@demo.test"));

        mailet.service(mail);

        assertThat(mail.getState()).isEqualTo(Mail.GHOST);
        FakeMailContext.SentMail bounce = context.getSentMails().get(0);
        assertThat(bounce.getState()).isEqualTo("plugin-bounces");
        assertThat(bounce.getRecipients()).containsExactly(new MailAddress("bob@demo.test"));
        assertThat(bounce.getAttributes().get(WasmPluginMailet.OUTCOME)).isEqualTo(outcome("bounced"));
        assertThat(bounce.getAttributes().get(WasmPluginMailet.DELIVERY_ERROR).getValue().value().toString()).contains("code 77");
    }

    @Test
    void serviceShouldBounceWhenSpfPassed() throws Exception {
        install("bob@demo.test", "refuse-77.wasm");
        Mail mail = mail("bob@demo.test");
        mail.setAttribute(new Attribute(SpfAnnotator.RESULT_ATTRIBUTE, AttributeValue.of("pass")));

        mailet.service(mail);

        assertThat(context.getSentMails()).singleElement()
            .satisfies(sent -> assertThat(sent.getState()).isEqualTo("plugin-bounces"));
    }

    @Test
    void serviceShouldKeepTheMessageWithoutADsnWhenTheServerCannotVouchForTheSender() throws Exception {
        install("bob@demo.test", "refuse-77.wasm");
        Mail mail = mail("bob@demo.test");
        mail.setAttribute(new Attribute(SpfAnnotator.RESULT_ATTRIBUTE, AttributeValue.of("fail")));

        mailet.service(mail);

        assertThat(mail.getState()).isEqualTo(Mail.GHOST);
        FakeMailContext.SentMail rejected = context.getSentMails().get(0);
        assertThat(context.getSentMails()).hasSize(1);
        assertThat(rejected.getState()).isEqualTo("plugin-rejected");
        assertThat(rejected.getAttributes().get(WasmPluginMailet.OUTCOME)).isEqualTo(outcome("rejected-unverified-sender"));
        assertThat(rejected.getAttributes()).doesNotContainKey(WasmPluginMailet.DELIVERY_ERROR);
    }

    @Test
    void serviceShouldKeepAFailedPluginsMessageWithoutADsnWhenTheServerCannotVouchForTheSender() throws Exception {
        install("bob@demo.test", "trap.wasm");
        Mail mail = mail("bob@demo.test");

        mailet.service(mail);

        assertThat(context.getSentMails()).singleElement()
            .satisfies(sent -> assertThat(sent.getState()).isEqualTo("plugin-rejected"))
            .satisfies(sent -> assertThat(sent.getAttributes().get(WasmPluginMailet.OUTCOME))
                .isEqualTo(outcome("failed:trap,rejected-unverified-sender")));
    }

    @Test
    void serviceShouldSendTheReplyAndDeliverWhenTheSenderAuthenticated() throws Exception {
        install("bob@demo.test", PROJECT_XYZ);
        Mail mail = authenticated(mail("bob@demo.test"));

        mailet.service(mail);

        assertThat(mail.getAttribute(WasmPluginMailet.OUTCOME)).contains(outcome("delivered,replied"));
        assertThat(mail.getRecipients()).containsExactly(new MailAddress("bob@demo.test"));
        FakeMailContext.SentMail reply = context.getSentMails().get(0);
        assertThat(reply.getRecipients()).containsExactly(new MailAddress("alice@outside.example"));
        assertThat(reply.getAttributes()).containsKey(BundleMessages.ATTRIBUTE);
    }

    @Test
    void serviceShouldSuppressOnlyTheReplyWhenTheServerCannotVouchForTheSender() throws Exception {
        install("bob@demo.test", PROJECT_XYZ);
        Mail mail = mail("bob@demo.test");

        mailet.service(mail);

        assertThat(context.getSentMails()).isEmpty();
        assertThat(mail.getRecipients()).containsExactly(new MailAddress("bob@demo.test"));
        assertThat(mail.getAttribute(WasmPluginMailet.OUTCOME)).contains(outcome("delivered,reply-suppressed"));
    }

    @Test
    void serviceShouldSuppressRepliesOverTheOwnersHourlyBudget() throws Exception {
        mailet = mailet(new ReplyBudget(1, clock));
        mailet.init(config().build());
        install("bob@demo.test", PROJECT_XYZ);
        Mail first = authenticated(mail("bob@demo.test"));
        Mail second = authenticated(mail("bob@demo.test"));
        Mail nextHour = authenticated(mail("bob@demo.test"));

        mailet.service(first);
        mailet.service(second);
        clock.advance(Duration.ofHours(1));
        mailet.service(nextHour);

        assertThat(context.getSentMails()).hasSize(2);
        assertThat(second.getAttribute(WasmPluginMailet.OUTCOME)).contains(outcome("delivered,reply-suppressed"));
        assertThat(nextHour.getAttribute(WasmPluginMailet.OUTCOME)).contains(outcome("delivered,replied"));
    }

    @Test
    void serviceShouldDeferWithoutCountingWhenTheStorageIsDown() throws Exception {
        install("bob@demo.test", "refuse-77.wasm");
        Mail mail = authenticated(mail("bob@demo.test"));
        mail.setAttribute(new Attribute(WasmPluginMailet.ATTEMPTS, AttributeValue.of(4)));
        storeSwitch.down = true;

        mailet.service(mail);

        FakeMailContext.SentMail retry = context.getSentMails().get(0);
        assertThat(context.getSentMails()).hasSize(1);
        assertThat(retry.getState()).isEqualTo(PROCESSOR);
        assertThat(retry.getDelay()).contains(new FakeMailContext.Delay(Duration.ofMinutes(15).toMillis(), TimeUnit.MILLISECONDS));
        assertThat(retry.getAttributes().get(WasmPluginMailet.ATTEMPTS).getValue().value()).isEqualTo(4);
        assertThat(retry.getAttributes().get(WasmPluginMailet.DEFERRED_SINCE).getValue().value())
            .isEqualTo(clock.millis());
    }

    /** James refuses to duplicate a mail whose name was derived from its ancestors' more than 7 times (a loop guard). */
    @Test
    void serviceShouldDeferAgainHoweverOftenTheMailWasDeferredBefore() throws Exception {
        install("bob@demo.test", "refuse-77.wasm");
        storeSwitch.down = true;
        List<String> deferredNames = new ArrayList<>();
        MailetContext recording = (MailetContext) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {MailetContext.class}, (proxy, method, args) -> {
                if (method.getName().equals("sendMail") && args.length == 4) {
                    deferredNames.add(((Mail) args[0]).getName());
                }
                return method.invoke(context, args);
            });
        WasmPluginMailet deferring = mailet(new ReplyBudget(10, clock));
        deferring.init(config().mailetContext(recording).build());
        Mail mail = authenticated(mail("bob@demo.test"));

        for (int round = 1; round <= 20; round++) {
            deferring.service(mail);
            mail = authenticated(mail("bob@demo.test"));
            mail.setName(deferredNames.get(deferredNames.size() - 1));
        }

        assertThat(deferredNames).hasSize(20).doesNotHaveDuplicates();
    }

    @Test
    void serviceShouldKeepMailForTheAdminOnceTheHostCouldNotRunItForMaxDeferral() throws Exception {
        install("bob@demo.test", "refuse-77.wasm");
        Mail mail = authenticated(mail("bob@demo.test"));
        mail.setAttribute(new Attribute(WasmPluginMailet.DEFERRED_SINCE, AttributeValue.of(clock.millis())));
        clock.advance(Duration.ofDays(2));
        storeSwitch.down = true;

        mailet.service(mail);

        assertThat(context.getSentMails()).singleElement()
            .satisfies(sent -> assertThat(sent.getState()).isEqualTo("plugin-deferred"))
            .satisfies(sent -> assertThat(sent.getAttributes().get(WasmPluginMailet.OUTCOME))
                .isEqualTo(outcome("deferred-too-long")));
    }

    @Test
    void serviceShouldChangeTheMessageInPlaceWhenEveryRecipientAgrees() throws Exception {
        install("bob@demo.test", TAGGER);
        install("carol@demo.test", TAGGER);
        Mail mail = mail("bob@demo.test", "carol@demo.test");

        mailet.service(mail);

        assertThat(context.getSentMails()).isEmpty();
        assertThat(mail.getRecipients()).containsExactly(new MailAddress("bob@demo.test"), new MailAddress("carol@demo.test"));
        assertThat(mail.getMessage().getSubject()).isEqualTo("[tagged] Hello");
        assertThat(mail.getMessage().getMessageID()).isEqualTo("<1@outside.example>");
        assertThat(mail.getAttribute(WasmPluginMailet.OUTCOME)).contains(outcome("delivered"));
    }

    @Test
    void serviceShouldSpoolOnlyTheRecipientsWhoseMessageDiffers() throws Exception {
        install("bob@demo.test", TAGGER);
        Mail mail = mail("bob@demo.test", "dave@demo.test");

        mailet.service(mail);

        assertThat(mail.getRecipients()).containsExactly(new MailAddress("dave@demo.test"));
        assertThat(mail.getMessage().getSubject()).isEqualTo("Hello");
        assertThat(mail.getAttribute(WasmPluginMailet.OUTCOME)).isEmpty();
        FakeMailContext.SentMail tagged = context.getSentMails().get(0);
        assertThat(context.getSentMails()).hasSize(1);
        assertThat(tagged.getRecipients()).containsExactly(new MailAddress("bob@demo.test"));
        assertThat(tagged.getState()).isEqualTo(PROCESSOR);
        assertThat(tagged.getMsg().getSubject()).isEqualTo("[tagged] Hello");
        assertThat(tagged.getAttributes().get(WasmPluginMailet.OUTCOME)).isEqualTo(outcome("delivered"));
    }

    @Test
    void serviceShouldSuspendAPluginThatKeepsFailingAndTellItsOwnerOnce() throws Exception {
        mailet.init(config().setProperty("onFailure", "deliver").build());
        install("bob@demo.test", "trap.wasm");

        mailet.service(mailFrom("alice@outside.example", "bob@demo.test"));
        Mail tripping = mailFrom("carol@outside.example", "bob@demo.test");
        mailet.service(tripping);
        Mail suspended = mailFrom("dave@outside.example", "bob@demo.test");
        mailet.service(suspended);

        assertThat(tripping.getAttribute(WasmPluginMailet.OUTCOME)).contains(outcome("failed:trap"));
        assertThat(context.getSentMails()).singleElement().satisfies(notice -> {
            assertThat(notice.getRecipients()).containsExactly(new MailAddress("bob@demo.test"));
            assertThat(notice.getMsg().getSubject()).isEqualTo(SuspensionNotice.SUBJECT);
            assertThat((String) notice.getMsg().getContent()).contains("failed on 2 messages in a row", "trap: ",
                "delivered unchanged to your inbox", "hackmail plugin push");
            assertThat(notice.getAttributes()).containsKey(BundleMessages.ATTRIBUTE);
        });
        assertThat(suspended.getRecipients()).containsExactly(new MailAddress("bob@demo.test"));
        assertThat(suspended.getAttribute(WasmPluginMailet.OUTCOME)).contains(outcome("suspended:deliver"));
    }

    /**
     * The circuit breaker counts a call after it ran and its variable writes were committed: should the circuit store
     * fail then, deferring the mail would run the plugin, and apply its writes, a second time.
     */
    @Test
    void serviceShouldCarryOutACommittedCallWhenTheCircuitStoreFailsAfterIt() throws Exception {
        install("bob@demo.test", "count-calls.wasm");
        Owner bob = Owner.of("bob@demo.test");
        circuits.record(bob, "carol@outside.example", Optional.of(new PluginFailure(PluginFailure.Reason.TRAP, "earlier")));
        assertThat(circuits.suspended(bob)).isEmpty();
        circuitSwitch.down = true;
        Mail mail = mail("bob@demo.test");

        mailet.service(mail);

        // count-calls returns its count, 1: a refusal, kept without a DSN for a sender the server cannot vouch for.
        assertThat(context.getSentMails()).singleElement().satisfies(sent -> {
            assertThat(sent.getState()).isEqualTo("plugin-rejected");
            assertThat(sent.getDelay()).isEmpty();
        });
        assertThat(storage.variables().get(bob, "n")).hasValueSatisfying(count ->
            assertThat(ByteBuffer.wrap(count).order(ByteOrder.LITTLE_ENDIAN).getLong()).isEqualTo(1));
    }

    @Test
    void serviceShouldFollowTheFailurePolicyWhenTheCircuitStoreCannotCountTheFailure() throws Exception {
        mailet.init(config().setProperty("onFailure", "deliver").build());
        install("bob@demo.test", "trap.wasm");
        assertThat(circuits.suspended(Owner.of("bob@demo.test"))).isEmpty();
        circuitSwitch.down = true;
        Mail mail = mail("bob@demo.test");

        mailet.service(mail);

        assertThat(context.getSentMails()).isEmpty();
        assertThat(mail.getRecipients()).containsExactly(new MailAddress("bob@demo.test"));
        assertThat(mail.getAttribute(WasmPluginMailet.OUTCOME)).contains(outcome("failed:trap"));
    }

    @Test
    void serviceShouldDeliverIntoSpamWhileSuspendedWhenTheOwnerChoseSo() throws Exception {
        install("bob@demo.test", "trap.wasm");
        circuits.setFallback(Owner.of("bob@demo.test"), Fallback.SPAM);
        mailet.service(mailFrom("alice@outside.example", "bob@demo.test"));
        mailet.service(mailFrom("carol@outside.example", "bob@demo.test"));
        Mail suspended = mailFrom("dave@outside.example", "bob@demo.test", "dave@demo.test");

        mailet.service(suspended);

        // One mail for both: the plugin's owner and the recipient without a plugin both get the message unchanged.
        assertThat(suspended.getRecipients()).containsExactlyInAnyOrder(new MailAddress("dave@demo.test"),
            new MailAddress("bob@demo.test"));
        assertThat(context.getSentMails()).noneMatch(sent -> sent.getState().equals(PROCESSOR));
        assertThat(suspended.getAttribute(WasmPluginMailet.OUTCOME)).contains(outcome("suspended:spam"));
        assertThat(StorageDirective.fromMail(Username.of("dave@demo.test"), suspended).getTargetFolder()).isEmpty();
        Mail delivered = suspended;
        assertThat(StorageDirective.fromMail(Username.of("bob@demo.test"), delivered).getTargetFolder()).contains("Spam");
    }

    @Test
    void serviceShouldLeaveTheBundlesOwnMessagesAlone() throws Exception {
        install("bob@demo.test", "drop.wasm");
        Mail mail = mail("bob@demo.test");
        mail.setAttribute(BundleMessages.mark(BundleMessages.Kind.REPLY));

        mailet.service(mail);

        assertThat(mail.getRecipients()).containsExactly(new MailAddress("bob@demo.test"));
        assertThat(mail.getAttribute(WasmPluginMailet.OUTCOME)).isEmpty();
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
        Mail mail = authenticated(mail("bob@demo.test", "carol@demo.test", "dave@demo.test"));

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
    void requiredProcessingStateShouldNameEveryProcessorItHandsMailTo() throws Exception {
        mailet.init(config().setProperty("onFailure", "quarantine").setProperty("bounceProcessor", "my-bounces").build());

        assertThat(mailet.requiredProcessingState())
            .containsExactlyInAnyOrder(new ProcessingState("my-bounces"), new ProcessingState("quarantine"),
                new ProcessingState("plugin-rejected"), new ProcessingState("plugin-deferred"));
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

    private static Mail authenticated(Mail mail) {
        mail.setAttribute(new Attribute(Mail.SMTP_AUTH_USER, AttributeValue.of("alice")));
        return mail;
    }

    private static Mail mail(String... recipients) throws MessagingException {
        return mailFrom("alice@outside.example", recipients);
    }

    private static Mail mailFrom(String sender, String... recipients) throws MessagingException {
        return FakeMail.builder()
            .name("mail")
            .sender(sender)
            .recipients(recipients)
            .state(PROCESSOR)
            .mimeMessage(MimeMessageBuilder.mimeMessageBuilder()
                .addHeader("Message-ID", "<1@outside.example>")
                .setSubject("Hello")
                .setText("Hi there, about Project XYZ"))
            .build();
    }

    private static MailAddress postmaster() {
        try {
            return new MailAddress("postmaster@demo.test");
        } catch (AddressException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Attribute outcome(String value) {
        return new Attribute(WasmPluginMailet.OUTCOME, AttributeValue.of(value));
    }
}
