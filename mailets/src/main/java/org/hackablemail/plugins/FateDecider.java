package org.hackablemail.plugins;

import java.util.Optional;

import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import org.hackablemail.plugin.email.IncomingEmail;
import org.hackablemail.plugin.host.Outcome;
import org.hackablemail.plugin.host.PluginFailure;

/**
 * Turns a plugin call's {@link Outcome} into the recipient's {@link RecipientFate}. Only a successful call has a
 * delivery to carry out (a failed one has no effects at all), so a message is never delivered twice, nor bounced
 * after delivery.
 */
public final class FateDecider {
    public static final int EX_SOFTWARE = 70;
    public static final int EX_TEMPFAIL = 75;

    private final FailurePolicy failurePolicy;

    public FateDecider(FailurePolicy failurePolicy) {
        this.failurePolicy = failurePolicy;
    }

    public RecipientFate decide(MimeMessage original, IncomingEmail received, Outcome outcome) throws MessagingException {
        String replied = outcome.reply().isPresent() ? ",replied" : "";
        if (outcome.delivered().isPresent()) {
            String label = outcome.failure().map(FateDecider::failedLabel).orElse("delivered") + replied;
            Optional<MimeMessage> changed = DeliveredMessage.apply(original, received, outcome.delivered().get());
            return changed.<RecipientFate>map(message -> new RecipientFate.DeliverChanged(label, message))
                .orElseGet(() -> new RecipientFate.Continue(label));
        }
        if (outcome.failure().isPresent()) {
            return onFailure(outcome.failure().get(), replied);
        }
        int code = outcome.resultCode();
        if (code == 0) {
            return new RecipientFate.Drop("dropped" + replied);
        }
        if (code == EX_TEMPFAIL) {
            return new RecipientFate.Defer("deferred" + replied, "the plugin asked to try again later (code 75)");
        }
        return new RecipientFate.Bounce("bounced" + replied, code, "the recipient's mail plugin refused this message");
    }

    private RecipientFate onFailure(PluginFailure failure, String replied) {
        if (failure.hostCaused()) {
            return new RecipientFate.Defer("deferred" + replied, "the plugin could not be run now (" + failure + ")");
        }
        String label = failedLabel(failure) + replied;
        return switch (failurePolicy.kind()) {
            case BOUNCE -> new RecipientFate.Bounce(label, EX_SOFTWARE, "the recipient's mail plugin failed (" + failure + ")");
            case DELIVER -> new RecipientFate.Continue(label);
            case PROCESSOR -> new RecipientFate.ToProcessor(label, failurePolicy.processor().orElseThrow());
        };
    }

    private static String failedLabel(PluginFailure failure) {
        return "failed:" + failure.reason().label();
    }
}
