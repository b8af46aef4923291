package org.hackablemail.mailets;

import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import org.apache.james.core.MailAddress;
import org.apache.james.core.builder.MimeMessageBuilder;

/** The short automatic reply of {@link BayesianTrainer} (RFC 3834: {@code Auto-Submitted: auto-replied}). */
final class TrainingConfirmation {
    private TrainingConfirmation() {
    }

    static MimeMessage of(MailAddress from, MailAddress to, String subject, String text) throws MessagingException {
        return MimeMessageBuilder.mimeMessageBuilder()
            .addFrom(from.asString())
            .addToRecipient(to.asString())
            .setSubject(subject)
            .addHeader("Auto-Submitted", "auto-replied")
            .setText(text)
            .build();
    }
}
