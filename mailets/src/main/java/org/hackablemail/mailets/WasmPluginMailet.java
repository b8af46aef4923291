package org.hackablemail.mailets;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.core.Username;
import org.apache.james.lifecycle.api.LifecycleUtil;
import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.metrics.api.TimeMetric;
import org.apache.james.server.core.MailImpl;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeUtils;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.ProcessingState;
import org.apache.mailet.StorageDirective;
import org.apache.mailet.base.AutomaticallySentMailDetector;
import org.apache.mailet.base.GenericMailet;
import org.hackablemail.config.ValueParsers;
import org.hackablemail.core.Owner;
import org.hackablemail.core.circuit.CircuitBreaker;
import org.hackablemail.core.circuit.Fallback;
import org.hackablemail.core.plugins.OwnerPlugins;
import org.hackablemail.core.store.StorageUnavailableException;
import org.hackablemail.message.MailSnapshots;
import org.hackablemail.metrics.BundleMetrics;
import org.hackablemail.plugin.email.PluginInput;
import org.hackablemail.plugin.email.ReplyEmail;
import org.hackablemail.plugin.host.Outcome;
import org.hackablemail.plugin.host.SandboxLimits;
import org.hackablemail.plugins.DeliveredMessage;
import org.hackablemail.plugins.FailurePolicy;
import org.hackablemail.plugins.FateDecider;
import org.hackablemail.plugins.IncomingEmailFactory;
import org.hackablemail.plugins.JamesOwners;
import org.hackablemail.plugins.PluginDecision;
import org.hackablemail.plugins.PluginReply;
import org.hackablemail.plugins.RecipientFate;
import org.hackablemail.plugins.ReplyBudget;
import org.hackablemail.plugins.SenderVouching;
import org.hackablemail.plugins.SuspensionNotice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;

/**
 * Runs, for each recipient who owns an active plugin, that plugin's {@code onEmail} on the message, sandboxed, and
 * carries out what it decided, recipient by recipient ({@link FateDecider} holds the rules):
 * <ul>
 *   <li>delivered: the recipient goes on in this processor, with the message as the plugin changed it;</li>
 *   <li>returned 0 without delivering: dropped, as the owner chose;</li>
 *   <li>returned 75: tried again after {@code retryDelay}, at most {@code maxRetries} times, then bounced;</li>
 *   <li>returned another code: bounced with that code through {@code bounceProcessor} (a DSN);</li>
 *   <li>failed (trap, timeout, limit, bad output): as {@code onFailure} says: {@code bounce} (code 70),
 *       {@code deliver} the original, or the name of a processor;</li>
 *   <li>not run now (the host is busy, the storage is down): tried again after {@code retryDelay}, without counting
 *       against {@code maxRetries}; after {@code maxDeferral} handed to {@code deferredProcessor}, never bounced.</li>
 * </ul>
 * Bounces and replies go only to a sender the server can vouch for ({@link SenderVouching}): otherwise a bounced
 * message is handed to {@code rejectedProcessor} (a repository the admin can read, no DSN) and a reply is not sent,
 * while what the plugin delivered is still delivered. Replies are also capped per owner and hour, and never go to
 * automatic or list mail, nor to a null sender (RFC 3834). Recipients without a plugin go on untouched, and so does
 * the bundle's own mail ({@link BundleMessages}). A plugin that keeps failing is suspended by the
 * {@link CircuitBreaker}: its owner's mail then goes on unchanged (into their Spam folder if they chose so), and the
 * owner gets one notice. The mail attribute {@code hackablemail.plugin.outcome} tells what happened;
 * {@link org.hackablemail.matchers.HasPlugin} does not match mail that carries it.
 *
 * <p>Recipients that go on with the same message and outcome stay in the mail being processed, changed in place
 * when their plugins changed it: only recipients whose fates differ from theirs are copied and spooled again.</p>
 *
 * <pre>{@code
 * <mailet match="org.hackablemail.matchers.HasPlugin" class="org.hackablemail.mailets.WasmPluginMailet">
 *     <onFailure>bounce</onFailure>
 *     <bounceProcessor>plugin-bounces</bounceProcessor>
 *     <rejectedProcessor>plugin-rejected</rejectedProcessor>
 *     <deferredProcessor>plugin-deferred</deferredProcessor>
 *     <retryDelay>15 minutes</retryDelay>
 *     <maxRetries>4</maxRetries>
 *     <maxDeferral>2 days</maxDeferral>
 * </mailet>
 * }</pre>
 */
public class WasmPluginMailet extends GenericMailet {
    public static final AttributeName OUTCOME = AttributeName.of("hackablemail.plugin.outcome");
    /** The plugin's own retries (it returned 75) so far. */
    public static final AttributeName ATTEMPTS = AttributeName.of("hackablemail.plugin.attempts");
    /** When the host first could not run the plugin on this mail, in milliseconds since the epoch. */
    public static final AttributeName DEFERRED_SINCE = AttributeName.of("hackablemail.plugin.deferredSince");
    /** Read by James's DSNBounce for the Status and Diagnostic-Code of the DSN. */
    public static final AttributeName DELIVERY_ERROR = AttributeName.of("delivery-error");

    private static final Logger LOGGER = LoggerFactory.getLogger(WasmPluginMailet.class);
    private static final String ON_FAILURE = "onFailure";
    private static final String BOUNCE_PROCESSOR = "bounceProcessor";
    private static final String REJECTED_PROCESSOR = "rejectedProcessor";
    private static final String DEFERRED_PROCESSOR = "deferredProcessor";
    private static final String RETRY_DELAY = "retryDelay";
    private static final String MAX_RETRIES = "maxRetries";
    private static final String MAX_DEFERRAL = "maxDeferral";
    private static final String SPAM_FOLDER = "Spam";

    private final OwnerPlugins plugins;
    private final AutomaticallySentMailDetector automaticallySent;
    private final MetricFactory metricFactory;
    private final IncomingEmailFactory incomingEmails;
    private final SenderVouching senderVouching;
    private final ReplyBudget replyBudget;
    private final CircuitBreaker circuits;
    private final Function<MailAddress, Username> usernames;
    private final Clock clock;

    private FailurePolicy failurePolicy;
    private FateDecider fateDecider;
    private String bounceProcessor;
    private String rejectedProcessor;
    private String deferredProcessor;
    private Duration retryDelay;

    @Inject
    public WasmPluginMailet(OwnerPlugins plugins, AutomaticallySentMailDetector automaticallySent,
                            MetricFactory metricFactory, SandboxLimits limits, SenderVouching senderVouching,
                            ReplyBudget replyBudget, MailSnapshots snapshots, CircuitBreaker circuits,
                            UsersRepository users) {
        this(plugins, automaticallySent, metricFactory, limits, senderVouching, replyBudget, snapshots, circuits,
            address -> username(users, address), Clock.systemUTC());
    }

    /** For tests and benchmarks: a clock, and user names without a users repository. */
    public WasmPluginMailet(OwnerPlugins plugins, AutomaticallySentMailDetector automaticallySent,
                            MetricFactory metricFactory, SandboxLimits limits, SenderVouching senderVouching,
                            ReplyBudget replyBudget, MailSnapshots snapshots, CircuitBreaker circuits,
                            Function<MailAddress, Username> usernames, Clock clock) {
        this.plugins = plugins;
        this.automaticallySent = automaticallySent;
        this.metricFactory = metricFactory;
        this.incomingEmails = new IncomingEmailFactory(snapshots, limits.maxInputBytes());
        this.senderVouching = senderVouching;
        this.replyBudget = replyBudget;
        this.circuits = circuits;
        this.usernames = usernames;
        this.clock = clock;
    }

    private static Username username(UsersRepository users, MailAddress address) {
        try {
            return users.getUsername(address);
        } catch (UsersRepositoryException e) {
            throw new IllegalStateException("Cannot tell the user name of " + address, e);
        }
    }

    @Override
    public void init() throws MessagingException {
        checkInitParameters(ImmutableSet.of(ON_FAILURE, BOUNCE_PROCESSOR, REJECTED_PROCESSOR, DEFERRED_PROCESSOR,
            RETRY_DELAY, MAX_RETRIES, MAX_DEFERRAL));
        MailetParameters parameters = new MailetParameters(getMailetConfig(), "WasmPluginMailet");
        failurePolicy = parameters.parsed(ON_FAILURE, "bounce", FailurePolicy::parse,
            "bounce, deliver or the name of a processor");
        bounceProcessor = parameters.parsed(BOUNCE_PROCESSOR, "plugin-bounces", ValueParsers::nonBlank,
            "the name of a processor");
        rejectedProcessor = parameters.parsed(REJECTED_PROCESSOR, "plugin-rejected", ValueParsers::nonBlank,
            "the name of a processor");
        deferredProcessor = parameters.parsed(DEFERRED_PROCESSOR, "plugin-deferred", ValueParsers::nonBlank,
            "the name of a processor");
        retryDelay = parameters.duration(RETRY_DELAY, "15 minutes");
        fateDecider = new FateDecider(failurePolicy, parameters.nonNegativeInt(MAX_RETRIES, 4),
            parameters.duration(MAX_DEFERRAL, "2 days"));
    }

    @Override
    public Collection<ProcessingState> requiredProcessingState() {
        ImmutableList.Builder<ProcessingState> states = ImmutableList.<ProcessingState>builder()
            .add(new ProcessingState(bounceProcessor), new ProcessingState(rejectedProcessor),
                new ProcessingState(deferredProcessor));
        failurePolicy.processor().map(ProcessingState::new).ifPresent(states::add);
        return states.build();
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        if (BundleMessages.isBundleMessage(mail)) {
            return;
        }
        List<MailAddress> untouched = new ArrayList<>();
        Map<MailAddress, PluginDecision> decided = new LinkedHashMap<>();
        Map<MailAddress, CircuitBreaker.Trip> trips = new LinkedHashMap<>();
        MailReading reading = null;
        for (MailAddress recipient : mail.getRecipients()) {
            Owner owner = JamesOwners.of(recipient);
            Optional<PluginDecision> decision;
            try {
                if (!plugins.hasPlugin(owner)) {
                    untouched.add(recipient);
                    continue;
                }
                Optional<Fallback> fallback = circuits.suspended(owner);
                if (fallback.isPresent()) {
                    decision = Optional.of(fateDecider.suspended(fallback.get()));
                } else {
                    // Reading the message is the costly part: once per mail, and only when a plugin is to run.
                    if (reading == null) {
                        reading = read(mail);
                    }
                    decision = runPlugin(mail, recipient, owner, reading, trips);
                }
            } catch (StorageUnavailableException e) {
                LOGGER.warn("Storage unavailable for the plugin of {} on {}: deferred", recipient, mail.getName(), e);
                decision = Optional.of(fateDecider.hostCannotRun("the plugin's storage is unavailable ("
                    + e.getMessage() + ")", circumstances(mail, false)));
            }
            if (decision.isEmpty()) {
                untouched.add(recipient);
            } else {
                decided.put(recipient, decision.get());
                metricFactory.generate("hackablemail.plugin.fate." + BundleMetrics.part(decision.get().outcome())).increment();
            }
        }
        trips.forEach((recipient, trip) -> sendNotice(mail, recipient, trip));
        carryOut(mail, untouched, decided);
    }

    /** What every plugin of a mail is given, and what is known of the mail, read once for all its recipients. */
    private record MailReading(IncomingEmailFactory.MailView view, boolean replyAllowed,
                               FateDecider.Circumstances circumstances) {
    }

    private MailReading read(Mail mail) throws MessagingException {
        boolean vouched = senderVouching.vouch(senderVouching.facts(mail)).isPresent();
        return new MailReading(incomingEmails.view(mail), replyAllowed(mail), circumstances(mail, vouched));
    }

    private FateDecider.Circumstances circumstances(Mail mail, boolean senderVouched) {
        return new FateDecider.Circumstances(senderVouched,
            AttributeUtils.getValueAndCastFromMail(mail, ATTEMPTS, Integer.class).orElse(0),
            AttributeUtils.getValueAndCastFromMail(mail, DEFERRED_SINCE, Long.class).map(Instant::ofEpochMilli),
            clock.instant());
    }

    /** Empty when the owner's plugin was removed meanwhile; a call that suspended the plugin adds to {@code trips}. */
    private Optional<PluginDecision> runPlugin(Mail mail, MailAddress recipient, Owner owner, MailReading reading,
                                               Map<MailAddress, CircuitBreaker.Trip> trips) {
        PluginInput input = reading.view().forRecipient(recipient);
        TimeMetric timer = metricFactory.timer("hackablemail.plugin.call");
        Optional<Outcome> outcome = plugins.run(owner, input, reading.replyAllowed());
        timer.stopAndPublish();
        if (outcome.isEmpty()) {
            return Optional.empty();
        }
        LOGGER.debug("Plugin of {} on {}: {}, logs {}", recipient, mail.getName(), outcome.get(), outcome.get().logs());
        countForCircuit(mail, recipient, owner, outcome.get()).ifPresent(trip -> trips.put(recipient, trip));
        PluginDecision decision = fateDecider.decide(input.email(), outcome.get(), reading.circumstances());
        if (decision.reply().isPresent() && !replyBudget.tryTake(owner)) {
            LOGGER.info("Reply of the plugin of {} to {} suppressed: {} replies an hour at most", recipient,
                mail.getName(), replyBudget.perHour());
            return Optional.of(decision.suppressingReply());
        }
        if (decision.replySuppressed()) {
            LOGGER.info("Reply of the plugin of {} to {} suppressed: the server cannot vouch for the sender {}",
                recipient, mail.getName(), mail.getMaybeSender().asString());
        }
        return Optional.of(decision);
    }

    /**
     * Counts the call toward the circuit breaker. The call ran and its variable writes are committed: a storage outage
     * now must not defer the mail, which would run the plugin, and apply its writes, again. The count is skipped.
     */
    private Optional<CircuitBreaker.Trip> countForCircuit(Mail mail, MailAddress recipient, Owner owner,
                                                          Outcome outcome) {
        try {
            return circuits.record(owner, mail.getMaybeSender().asString(""), outcome.failure());
        } catch (StorageUnavailableException e) {
            LOGGER.warn("Cannot count the call of the plugin of {} on {} toward its circuit breaker: the storage is "
                + "unavailable", recipient, mail.getName(), e);
            return Optional.empty();
        }
    }

    private boolean replyAllowed(Mail mail) throws MessagingException {
        return mail.getMaybeSender().asOptional().isPresent() && !automaticallySent.isAutomaticallySent(mail);
    }

    /**
     * A group of recipients that go on in this processor alike: the same edits (if any), the same outcome, into
     * their Spam folder or not.
     */
    private record GoingOn(Optional<DeliveredMessage> changes, String outcome, boolean intoSpam) {
    }

    /**
     * Acts on the decisions. The recipients that go on with the unchanged message (those without a plugin among them)
     * stay in {@code mail}; failing those, one group of recipients that go on alike; the others are copied, each to
     * its fate. The message is changed in place last, once every copy of the original was taken.
     */
    private void carryOut(Mail mail, List<MailAddress> untouched, Map<MailAddress, PluginDecision> decided)
            throws MessagingException {
        Map<GoingOn, List<MailAddress>> goingOn = new LinkedHashMap<>();
        for (Map.Entry<MailAddress, PluginDecision> entry : decided.entrySet()) {
            entry.getValue().reply().ifPresent(reply -> sendReply(mail, entry.getKey(), reply));
            goingOn(entry.getValue()).ifPresent(group ->
                goingOn.computeIfAbsent(group, any -> new ArrayList<>()).add(entry.getKey()));
        }
        Optional<GoingOn> inPlace = goingOn.keySet().stream().filter(group -> group.changes().isEmpty()).findFirst()
            .or(() -> untouched.isEmpty() ? goingOn.keySet().stream().findFirst() : Optional.empty());
        for (Map.Entry<MailAddress, PluginDecision> entry : decided.entrySet()) {
            Optional<GoingOn> group = goingOn(entry.getValue());
            if (group.isEmpty()) {
                carryOut(mail, entry.getKey(), entry.getValue());
            }
        }
        for (Map.Entry<GoingOn, List<MailAddress>> group : goingOn.entrySet()) {
            if (!inPlace.equals(Optional.of(group.getKey()))) {
                goOnInCopy(mail, group.getKey(), group.getValue());
            }
        }
        List<MailAddress> staying = new ArrayList<>(untouched);
        if (inPlace.isPresent()) {
            staying.addAll(goingOn.get(inPlace.get()));
            apply(inPlace.get(), goingOn.get(inPlace.get()), mail);
        }
        mail.setRecipients(staying);
        if (staying.isEmpty()) {
            mail.setState(Mail.GHOST);
        }
    }

    private static Optional<GoingOn> goingOn(PluginDecision decision) {
        if (decision.fate() instanceof RecipientFate.Continue) {
            return Optional.of(new GoingOn(Optional.empty(), decision.outcome(), false));
        }
        if (decision.fate() instanceof RecipientFate.ContinueIntoSpam) {
            return Optional.of(new GoingOn(Optional.empty(), decision.outcome(), true));
        }
        if (decision.fate() instanceof RecipientFate.DeliverChanged changed) {
            return Optional.of(new GoingOn(Optional.of(changed.changes()), decision.outcome(), false));
        }
        return Optional.empty();
    }

    /** Marks {@code mail} with the group's outcome and, last, changes its message as the group's plugins did. */
    private void apply(GoingOn group, List<MailAddress> recipients, Mail mail) throws MessagingException {
        mail.setAttribute(outcomeAttribute(group.outcome()));
        if (group.intoSpam()) {
            StorageDirective intoSpam = StorageDirective.builder().targetFolder(SPAM_FOLDER).build();
            for (MailAddress recipient : recipients) {
                intoSpam.encodeAsAttributes(usernames.apply(recipient)).forEach(mail::setAttribute);
            }
        }
        if (group.changes().isPresent()) {
            group.changes().get().applyTo(mail.getMessage());
            MailSnapshots.forget(mail);
        }
    }

    private void goOnInCopy(Mail mail, GoingOn group, List<MailAddress> recipients) throws MessagingException {
        MailImpl copy = MailImpl.duplicate(mail);
        try {
            copy.setRecipients(recipients);
            apply(group, recipients, copy);
            getMailetContext().sendMail(copy, mail.getState());
        } finally {
            // The spool holds its own copy once sendMail returns: release ours, as James's own mailets do.
            LifecycleUtil.dispose(copy);
        }
    }

    /** Tells the owner, once, that the circuit breaker suspended their plugin. */
    private void sendNotice(Mail mail, MailAddress owner, CircuitBreaker.Trip trip) {
        LOGGER.warn("The plugin of {} is suspended after {} failures in a row; last: {}", owner,
            trip.circuit().failures(), trip.circuit().lastReasons());
        try {
            BundleMessages.send(getMailetContext(), MaybeSender.nullSender(), List.of(owner),
                SuspensionNotice.create(getMailetContext().getPostmaster(), owner, trip), BundleMessages.Kind.NOTICE);
        } catch (MessagingException e) {
            LOGGER.warn("Could not notify {} that their plugin is suspended (while handling {})", owner, mail.getName(), e);
        }
    }

    private void sendReply(Mail mail, MailAddress recipient, ReplyEmail reply) {
        try {
            Mail replyMail = PluginReply.create(mail, recipient, reply);
            try {
                getMailetContext().sendMail(replyMail);
            } finally {
                LifecycleUtil.dispose(replyMail);
            }
        } catch (MessagingException e) {
            // A reply is an extra: failing to send it must not change what becomes of the message.
            LOGGER.warn("Could not send the reply of the plugin of {} to {}", recipient, mail.getName(), e);
        }
    }

    private void carryOut(Mail mail, MailAddress recipient, PluginDecision decision) throws MessagingException {
        RecipientFate fate = decision.fate();
        if (fate instanceof RecipientFate.Drop) {
            LOGGER.info("The plugin of {} dropped {}", recipient, mail.getName());
            return;
        }
        MailImpl copy = MailImpl.duplicate(mail);
        try {
            copy.setRecipients(List.of(recipient));
            copy.setAttribute(outcomeAttribute(decision.outcome()));
            if (fate instanceof RecipientFate.Bounce bounce) {
                String text = bounce.reason() + " (code " + bounce.code() + ")";
                copy.setErrorMessage(text);
                copy.setAttribute(new Attribute(DELIVERY_ERROR, AttributeValue.of("550 5.7.1 " + text)));
                getMailetContext().sendMail(copy, bounceProcessor);
            } else if (fate instanceof RecipientFate.Reject reject) {
                LOGGER.info("The plugin of {} refused {} from {}, whom the server cannot vouch for: kept in {}",
                    recipient, mail.getName(), mail.getMaybeSender().asString(), rejectedProcessor);
                copy.setErrorMessage(reject.reason() + " (code " + reject.code() + "); no DSN: the server cannot "
                    + "vouch for the sender");
                getMailetContext().sendMail(copy, rejectedProcessor);
            } else if (fate instanceof RecipientFate.Defer defer) {
                // A name of its own: James derives a copy's name from the original's and refuses to after 7
                // generations (its loop guard), while a mail may be deferred many more times than that.
                copy.setName(MailImpl.getId());
                copy.removeAttribute(OUTCOME);
                copy.setAttribute(new Attribute(ATTEMPTS, AttributeValue.of(defer.attempts())));
                defer.deferredSince().ifPresent(since ->
                    copy.setAttribute(new Attribute(DEFERRED_SINCE, AttributeValue.of(since.toEpochMilli()))));
                getMailetContext().sendMail(copy, mail.getState(), retryDelay.toMillis(), TimeUnit.MILLISECONDS);
            } else if (fate instanceof RecipientFate.KeepDeferred kept) {
                LOGGER.warn("The plugin of {} could not run on {} for too long: kept in {}", recipient,
                    mail.getName(), deferredProcessor);
                copy.setErrorMessage(kept.reason());
                getMailetContext().sendMail(copy, deferredProcessor);
            } else if (fate instanceof RecipientFate.ToProcessor handOver) {
                getMailetContext().sendMail(copy, handOver.processor());
            } else {
                throw new IllegalStateException("Not a fate to carry out alone: " + fate);
            }
        } finally {
            LifecycleUtil.dispose(copy);
        }
    }

    private static Attribute outcomeAttribute(String outcome) {
        return new Attribute(OUTCOME, AttributeValue.of(outcome));
    }

    @Override
    public String getMailetInfo() {
        return "Hackable Mail: runs each recipient's WebAssembly plugin and carries out its decision";
    }
}
