package org.hackablemail.plugins;

import java.util.Optional;

import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.mailet.AttributeUtils;
import org.apache.mailet.Mail;
import org.hackablemail.mailets.BayesianSpamTagger;
import org.hackablemail.mailets.SpfAnnotator;
import org.hackablemail.plugin.email.IncomingEmail;
import org.hackablemail.plugin.email.MessageView;
import org.hackablemail.plugin.email.PluginInput;

/**
 * Builds the {@code IncomingEmail} a recipient's plugin receives, within the sandbox's input cap: when the message
 * is too large, the body is cut and {@code bodyTruncated} set.
 */
public class IncomingEmailFactory {

    private final int maxInputBytes;

    public IncomingEmailFactory(int maxInputBytes) {
        this.maxInputBytes = maxInputBytes;
    }

    /** A message read once for all its recipients: only {@code receiver} differs from one plugin's input to the next. */
    public final class MailView {
        private final IncomingEmail email;

        private MailView(IncomingEmail email) {
            this.email = email;
        }

        public PluginInput forRecipient(MailAddress recipient) {
            IncomingEmail own = new IncomingEmail(email.sender(), recipient.asString(), email.headers(), email.body(),
                email.messageId(), email.subject(), email.headerList(), email.attachments(), email.spam(), email.spf(),
                email.remoteIp(), email.size(), email.bodyTruncated(), email.receivedAt());
            return PluginInput.fitted(own, maxInputBytes);
        }
    }

    public MailView view(Mail mail) throws MessagingException {
        MessageView view = MessageView.of(mail.getMessage());
        return new MailView(new IncomingEmail(
            mail.getMaybeSender().asString(""),
            null,
            view.headers(),
            view.text(),
            view.messageId(),
            view.subject(),
            view.headerList(),
            view.attachments(),
            spam(mail).orElse(null),
            AttributeUtils.getValueAndCastFromMail(mail, SpfAnnotator.RESULT_ATTRIBUTE, String.class).map(IncomingEmail.SpfResult::new).orElse(null),
            mail.getRemoteAddr(),
            mail.getMessageSize(),
            null,
            Optional.ofNullable(mail.getLastUpdated()).map(date -> date.toInstant().getEpochSecond()).orElse(null)));
    }

    private static Optional<IncomingEmail.SpamResult> spam(Mail mail) {
        return AttributeUtils.getValueAndCastFromMail(mail, BayesianSpamTagger.VERDICT_ATTRIBUTE, String.class)
            .map(verdict -> new IncomingEmail.SpamResult(verdict,
                AttributeUtils.getValueAndCastFromMail(mail, BayesianSpamTagger.SCORE_ATTRIBUTE, Double.class).orElse(0.5)));
    }
}
