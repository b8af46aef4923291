package org.hackablemail.mailets;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.james.lifecycle.api.LifecycleUtil;
import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.metrics.api.TimeMetric;
import org.apache.james.server.core.MailImpl;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeUtils;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.ProcessingState;
import org.apache.mailet.base.AutomaticallySentMailDetector;
import org.apache.mailet.base.GenericMailet;
import org.hackablemail.config.ValueParsers;
import org.hackablemail.core.plugins.OwnerPlugins;
import org.hackablemail.plugin.email.PluginInput;
import org.hackablemail.plugin.email.ReplyEmail;
import org.hackablemail.plugin.host.Outcome;
import org.hackablemail.plugin.host.SandboxLimits;
import org.hackablemail.plugins.FailurePolicy;
import org.hackablemail.plugins.FateDecider;
import org.hackablemail.plugins.IncomingEmailFactory;
import org.hackablemail.plugins.JamesOwners;
import org.hackablemail.plugins.PluginReply;
import org.hackablemail.plugins.RecipientFate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;

/**
 * Runs, for each recipient who owns an active plugin, that plugin's {@code onEmail} on the message, sandboxed, and
 * carries out what it decided, recipient by recipient:
 * <ul>
 *   <li>delivered: the recipient goes on in this processor, with the message as the plugin changed it;</li>
 *   <li>returned 0 without delivering: dropped, as the owner chose;</li>
 *   <li>returned 75: tried again after {@code retryDelay}, at most {@code maxRetries} times, then bounced;</li>
 *   <li>returned another code: bounced with that code through {@code bounceProcessor} (a DSN);</li>
 *   <li>failed (trap, timeout, limit, bad output): as {@code onFailure} says: {@code bounce} (code 70),
 *       {@code deliver} the original, or the name of a processor.</li>
 * </ul>
 * A reply the plugin asked for is sent to the original sender (RFC 3834: never to automatic or list mail, nor to a
 * null sender). Recipients without a plugin go on untouched. The mail attribute {@code hackablemail.plugin.outcome}
 * tells what happened; {@link org.hackablemail.matchers.HasPlugin} does not match mail that carries it.
 *
 * <pre>{@code
 * <mailet match="org.hackablemail.matchers.HasPlugin" class="org.hackablemail.mailets.WasmPluginMailet">
 *     <onFailure>bounce</onFailure>
 *     <bounceProcessor>plugin-bounces</bounceProcessor>
 *     <retryDelay>15 minutes</retryDelay>
 *     <maxRetries>4</maxRetries>
 * </mailet>
 * }</pre>
 */
public class WasmPluginMailet extends GenericMailet {
    public static final AttributeName OUTCOME = AttributeName.of("hackablemail.plugin.outcome");
    public static final AttributeName ATTEMPTS = AttributeName.of("hackablemail.plugin.attempts");
    /** Read by James's DSNBounce for the Status and Diagnostic-Code of the DSN. */
    public static final AttributeName DELIVERY_ERROR = AttributeName.of("delivery-error");

    private static final Logger LOGGER = LoggerFactory.getLogger(WasmPluginMailet.class);
    private static final String ON_FAILURE = "onFailure";
    private static final String BOUNCE_PROCESSOR = "bounceProcessor";
    private static final String RETRY_DELAY = "retryDelay";
    private static final String MAX_RETRIES = "maxRetries";

    private final OwnerPlugins plugins;
    private final AutomaticallySentMailDetector automaticallySent;
    private final MetricFactory metricFactory;
    private final IncomingEmailFactory incomingEmails;

    private FailurePolicy failurePolicy;
    private FateDecider fateDecider;
    private String bounceProcessor;
    private Duration retryDelay;
    private int maxRetries;

    @Inject
    public WasmPluginMailet(OwnerPlugins plugins, AutomaticallySentMailDetector automaticallySent,
                            MetricFactory metricFactory, SandboxLimits limits) {
        this.plugins = plugins;
        this.automaticallySent = automaticallySent;
        this.metricFactory = metricFactory;
        this.incomingEmails = new IncomingEmailFactory(limits.maxInputBytes());
    }

    @Override
    public void init() throws MessagingException {
        checkInitParameters(ImmutableSet.of(ON_FAILURE, BOUNCE_PROCESSOR, RETRY_DELAY, MAX_RETRIES));
        MailetParameters parameters = new MailetParameters(getMailetConfig(), "WasmPluginMailet");
        failurePolicy = parameters.parsed(ON_FAILURE, "bounce", FailurePolicy::parse,
            "bounce, deliver or the name of a processor");
        fateDecider = new FateDecider(failurePolicy);
        bounceProcessor = parameters.parsed(BOUNCE_PROCESSOR, "plugin-bounces", ValueParsers::nonBlank,
            "the name of a processor");
        retryDelay = parameters.duration(RETRY_DELAY, "15 minutes");
        maxRetries = parameters.nonNegativeInt(MAX_RETRIES, 4);
    }

    @Override
    public Collection<ProcessingState> requiredProcessingState() {
        ImmutableList.Builder<ProcessingState> states = ImmutableList.<ProcessingState>builder()
            .add(new ProcessingState(bounceProcessor));
        failurePolicy.processor().map(ProcessingState::new).ifPresent(states::add);
        return states.build();
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        List<MailAddress> goingOn = new ArrayList<>();
        Optional<String> goingOnOutcome = Optional.empty();
        MailReading reading = null;
        for (MailAddress recipient : mail.getRecipients()) {
            if (!plugins.hasPlugin(JamesOwners.of(recipient))) {
                goingOn.add(recipient);
                continue;
            }
            // Reading the message is the costly part: once per mail, and only when a recipient has a plugin.
            if (reading == null) {
                reading = new MailReading(incomingEmails.view(mail), replyAllowed(mail));
            }
            Optional<RecipientFate> fate = runPlugin(mail, recipient, reading);
            if (fate.isEmpty()) {
                goingOn.add(recipient);
            } else if (fate.get() instanceof RecipientFate.Continue kept
                    && goingOnOutcome.map(kept.outcome()::equals).orElse(true)) {
                goingOn.add(recipient);
                goingOnOutcome = Optional.of(kept.outcome());
            } else {
                carryOut(mail, recipient, fate.get());
            }
        }
        mail.setRecipients(goingOn);
        goingOnOutcome.ifPresent(outcome -> mail.setAttribute(outcomeAttribute(outcome)));
        if (goingOn.isEmpty()) {
            mail.setState(Mail.GHOST);
        }
    }

    /** What every plugin of a mail is given: the message as read once, and whether it may be answered. */
    private record MailReading(IncomingEmailFactory.MailView view, boolean replyAllowed) {
    }

    /** Empty when the owner's plugin was removed meanwhile. */
    private Optional<RecipientFate> runPlugin(Mail mail, MailAddress recipient, MailReading reading)
            throws MessagingException {
        PluginInput input = reading.view().forRecipient(recipient);
        TimeMetric timer = metricFactory.timer("hackablemail.plugin.call");
        Optional<Outcome> outcome = plugins.run(JamesOwners.of(recipient), input, reading.replyAllowed());
        timer.stopAndPublish();
        if (outcome.isEmpty()) {
            return Optional.empty();
        }
        LOGGER.debug("Plugin of {} on {}: {}, logs {}", recipient, mail.getName(), outcome.get(), outcome.get().logs());
        if (outcome.get().reply().isPresent()) {
            sendReply(mail, recipient, outcome.get().reply().get());
        }
        RecipientFate fate = fateDecider.decide(mail.getMessage(), input.email(), outcome.get());
        metricFactory.generate("hackablemail.plugin.outcome." + fate.outcome()).increment();
        return Optional.of(fate);
    }

    private void sendReply(Mail mail, MailAddress recipient, ReplyEmail reply) throws MessagingException {
        Mail replyMail = PluginReply.create(mail, recipient, reply);
        try {
            getMailetContext().sendMail(replyMail);
        } finally {
            LifecycleUtil.dispose(replyMail);
        }
    }

    private boolean replyAllowed(Mail mail) throws MessagingException {
        return mail.getMaybeSender().asOptional().isPresent() && !automaticallySent.isAutomaticallySent(mail);
    }

    private void carryOut(Mail mail, MailAddress recipient, RecipientFate fate) throws MessagingException {
        if (fate instanceof RecipientFate.Drop) {
            LOGGER.info("The plugin of {} dropped {}", recipient, mail.getName());
            return;
        }
        MailImpl copy = MailImpl.duplicate(mail);
        try {
            copy.setRecipients(List.of(recipient));
            copy.setAttribute(outcomeAttribute(fate.outcome()));
            if (fate instanceof RecipientFate.DeliverChanged changed) {
                copy.setMessage(changed.message());
                getMailetContext().sendMail(copy, mail.getState());
            } else if (fate instanceof RecipientFate.Continue) {
                getMailetContext().sendMail(copy, mail.getState());
            } else if (fate instanceof RecipientFate.Bounce bounce) {
                bounce(copy, bounce.code(), bounce.reason());
            } else if (fate instanceof RecipientFate.Defer defer) {
                defer(copy, mail.getState(), defer.reason());
            } else if (fate instanceof RecipientFate.ToProcessor handOver) {
                getMailetContext().sendMail(copy, handOver.processor());
            }
        } finally {
            // The spool holds its own copy once sendMail returns: release ours, as James's own mailets do.
            LifecycleUtil.dispose(copy);
        }
    }

    private void bounce(MailImpl copy, int code, String reason) throws MessagingException {
        String text = reason + " (code " + code + ")";
        copy.setErrorMessage(text);
        copy.setAttribute(new Attribute(DELIVERY_ERROR, AttributeValue.of("550 5.7.1 " + text)));
        getMailetContext().sendMail(copy, bounceProcessor);
    }

    /** Retries in the same processor after the delay; the copy carries no outcome, so the plugin runs again. */
    private void defer(MailImpl copy, String state, String reason) throws MessagingException {
        int attempts = AttributeUtils.getValueAndCastFromMail(copy, ATTEMPTS, Integer.class).orElse(0) + 1;
        if (attempts > maxRetries) {
            bounce(copy, FateDecider.EX_TEMPFAIL, reason + "; still failing after " + maxRetries + " retries");
            return;
        }
        copy.removeAttribute(OUTCOME);
        copy.setAttribute(new Attribute(ATTEMPTS, AttributeValue.of(attempts)));
        getMailetContext().sendMail(copy, state, retryDelay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static Attribute outcomeAttribute(String outcome) {
        return new Attribute(OUTCOME, AttributeValue.of(outcome));
    }

    @Override
    public String getMailetInfo() {
        return "Hackable Mail: runs each recipient's WebAssembly plugin and carries out its decision";
    }
}
