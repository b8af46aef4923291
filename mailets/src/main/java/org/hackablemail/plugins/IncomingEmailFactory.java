package org.hackablemail.plugins;

import java.util.Optional;

import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.mailet.AttributeUtils;
import org.apache.mailet.Mail;
import org.hackablemail.mailets.BayesianSpamTagger;
import org.hackablemail.mailets.SpfAnnotator;
import org.hackablemail.message.MailSnapshots;
import org.hackablemail.plugin.email.IncomingEmail;
import org.hackablemail.plugin.email.PluginInput;
import org.hackablemail.plugin.email.SnapshotView;

/**
 * Builds the {@code IncomingEmail} a recipient's plugin receives, within the sandbox's input cap: the mail's snapshot
 * (shared with the spam tagger, see {@link MailSnapshots}), its header as it is now, and what earlier mailets found.
 * When the message is too large, the body is cut and {@code bodyTruncated} set.
 */
public class IncomingEmailFactory {

    private final MailSnapshots snapshots;
    private final int maxInputBytes;

    public IncomingEmailFactory(MailSnapshots snapshots, int maxInputBytes) {
        this.snapshots = snapshots;
        this.maxInputBytes = maxInputBytes;
    }

    /** A message read once for all its recipients: only {@code receiver} differs from one plugin's input to the next. */
    public final class MailView {
        private final IncomingEmail email;

        private MailView(IncomingEmail email) {
            this.email = email;
        }

        public PluginInput forRecipient(MailAddress recipient) {
            return PluginInput.fitted(email.toBuilder().receiver(recipient.asString()).build(), maxInputBytes);
        }
    }

    public MailView view(Mail mail) throws MessagingException {
        return new MailView(SnapshotView.of(snapshots.of(mail), snapshots.currentHeader(mail.getMessage()))
            .sender(mail.getMaybeSender().asString(""))
            .spam(spam(mail).orElse(null))
            .spf(AttributeUtils.getValueAndCastFromMail(mail, SpfAnnotator.RESULT_ATTRIBUTE, String.class)
                .map(IncomingEmail.SpfResult::new).orElse(null))
            .remoteIp(mail.getRemoteAddr())
            .size(mail.getMessageSize())
            .receivedAt(Optional.ofNullable(mail.getLastUpdated()).map(date -> date.toInstant().getEpochSecond())
                .orElse(null))
            .build());
    }

    private static Optional<IncomingEmail.SpamResult> spam(Mail mail) {
        return AttributeUtils.getValueAndCastFromMail(mail, BayesianSpamTagger.VERDICT_ATTRIBUTE, String.class)
            .map(verdict -> new IncomingEmail.SpamResult(verdict,
                AttributeUtils.getValueAndCastFromMail(mail, BayesianSpamTagger.SCORE_ATTRIBUTE, Double.class).orElse(0.5)));
    }
}
