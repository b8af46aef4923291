package org.hackablemail.mailets;

import java.util.Collection;
import java.util.Locale;

import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.lifecycle.api.LifecycleUtil;
import org.apache.james.server.core.MailImpl;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.MailetContext;

/**
 * The bundle's own messages (plugin replies, notices to owners, invites, training confirmations) carry the mail
 * attribute {@value #ATTRIBUTE_NAME}: the spam tagger does not classify them and no plugin runs on them, so the
 * server neither judges nor answers what it wrote itself. An attribute, unlike a header, cannot come from outside.
 */
public final class BundleMessages {
    public static final String ATTRIBUTE_NAME = "hackablemail.bundle.message";
    public static final AttributeName ATTRIBUTE = AttributeName.of(ATTRIBUTE_NAME);

    /** What the message is; the attribute's value. */
    public enum Kind {
        REPLY, NOTICE, INVITE, CONFIRMATION;

        String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private BundleMessages() {
    }

    public static boolean isBundleMessage(Mail mail) {
        return mail.getAttribute(ATTRIBUTE).isPresent();
    }

    public static Attribute mark(Kind kind) {
        return new Attribute(ATTRIBUTE, AttributeValue.of(kind.value()));
    }

    /** Sends {@code message} as the bundle's own, through the root processor, and releases it once spooled. */
    public static void send(MailetContext context, MaybeSender sender, Collection<MailAddress> recipients,
                            MimeMessage message, Kind kind) throws MessagingException {
        Mail mail = MailImpl.builder()
            .name(MailImpl.getId())
            .sender(sender)
            .addRecipients(recipients)
            .mimeMessage(message)
            .addAttribute(mark(kind))
            .build();
        try {
            context.sendMail(mail);
        } finally {
            LifecycleUtil.dispose(mail);
        }
    }
}
