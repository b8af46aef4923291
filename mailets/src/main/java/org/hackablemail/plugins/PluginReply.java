package org.hackablemail.plugins;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Optional;

import javax.mail.Message;
import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.server.core.MailImpl;
import org.apache.mailet.Mail;
import org.hackablemail.mailets.BundleMessages;
import org.hackablemail.plugin.email.ReplyEmail;

/**
 * The automatic reply a plugin asked for, per RFC 3834: from the plugin's owner to the original sender, threaded
 * with {@code In-Reply-To} and {@code References}, marked {@code Auto-Submitted: auto-replied}, and sent with a null
 * envelope sender so that it can never cause a reply in return. It is marked as one of the bundle's own messages.
 */
public final class PluginReply {
    private static final Session SESSION = Session.getInstance(new java.util.Properties());

    private PluginReply() {
    }

    public static Mail create(Mail original, MailAddress owner, ReplyEmail reply) throws MessagingException {
        MailAddress originalSender = original.getMaybeSender().get();
        MimeMessage message = new MimeMessage(SESSION);
        message.setFrom(new InternetAddress(owner.asString()));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(originalSender.asString()));
        message.setSubject(oneLine(Optional.ofNullable(reply.subject()).orElse("")), StandardCharsets.UTF_8.name());
        message.setText(Optional.ofNullable(reply.body()).orElse(""), StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        message.setHeader("Auto-Submitted", "auto-replied");
        String originalId = original.getMessage().getMessageID();
        if (originalId != null) {
            message.setHeader("In-Reply-To", originalId);
            String references = original.getMessage().getHeader("References", " ");
            message.setHeader("References", references == null ? originalId : references + " " + originalId);
        }
        message.saveChanges();
        return MailImpl.builder()
            .name(MailImpl.getId())
            .sender(MaybeSender.nullSender())
            .addRecipient(originalSender)
            .mimeMessage(message)
            .addAttribute(BundleMessages.mark(BundleMessages.Kind.REPLY))
            .build();
    }

    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n]+", " ");
    }
}
