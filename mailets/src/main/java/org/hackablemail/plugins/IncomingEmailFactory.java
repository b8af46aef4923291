package org.hackablemail.plugins;

import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.mail.Header;
import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeUtility;

import org.apache.james.core.MailAddress;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeUtils;
import org.apache.mailet.Mail;
import org.hackablemail.plugin.email.EmailJson;
import org.hackablemail.plugin.email.IncomingEmail;

/**
 * Builds the {@code IncomingEmail} a recipient's plugin receives, within the sandbox's input cap: when the message
 * is too large, the body is cut and {@code bodyTruncated} set.
 */
public class IncomingEmailFactory {
    public static final AttributeName SPAM_VERDICT = AttributeName.of("hackablemail.spam.verdict");
    public static final AttributeName SPAM_SCORE = AttributeName.of("hackablemail.spam.score");
    public static final AttributeName SPF_RESULT = AttributeName.of("hackablemail.spf.result");

    private final int maxInputBytes;

    public IncomingEmailFactory(int maxInputBytes) {
        this.maxInputBytes = maxInputBytes;
    }

    /** The plugin's input: the email as the plugin sees it, and its JSON within the cap. */
    public record PluginInput(IncomingEmail email, byte[] json) {
    }

    public PluginInput create(Mail mail, MailAddress recipient) throws MessagingException {
        MimeMessage message = mail.getMessage();
        MessageContent content = MessageContent.of(message);
        List<IncomingEmail.Header> headerList = headers(message);
        Map<String, String> headers = new LinkedHashMap<>();
        headerList.forEach(header -> headers.putIfAbsent(header.name(), header.value()));
        IncomingEmail email = new IncomingEmail(
            mail.getMaybeSender().asString(""),
            recipient.asString(),
            Collections.unmodifiableMap(headers),
            content.text(),
            message.getMessageID(),
            headers.get("Subject"),
            headerList,
            content.attachments(),
            spam(mail).orElse(null),
            AttributeUtils.getValueAndCastFromMail(mail, SPF_RESULT, String.class).map(IncomingEmail.SpfResult::new).orElse(null),
            mail.getRemoteAddr(),
            mail.getMessageSize(),
            null,
            Optional.ofNullable(mail.getLastUpdated()).map(date -> date.toInstant().getEpochSecond()).orElse(null));
        return fitted(email);
    }

    /** The email as is if its JSON fits the cap, else with as much of its body as fits. */
    private PluginInput fitted(IncomingEmail email) {
        byte[] json = EmailJson.toJson(email);
        String body = email.body();
        int keep = body.length();
        while (json.length > maxInputBytes && keep > 0) {
            // Escaping makes JSON bytes and body characters differ: shrink by the excess and measure again.
            keep = Math.max(0, Math.min(keep - 1, keep - (json.length - maxInputBytes)));
            email = withBody(email, body.substring(0, safeEnd(body, keep)));
            json = EmailJson.toJson(email);
        }
        return new PluginInput(email, json);
    }

    private static IncomingEmail withBody(IncomingEmail email, String body) {
        return new IncomingEmail(email.sender(), email.receiver(), email.headers(), body, email.messageId(),
            email.subject(), email.headerList(), email.attachments(), email.spam(), email.spf(), email.remoteIp(),
            email.size(), true, email.receivedAt());
    }

    /** Never cut a surrogate pair in two. */
    private static int safeEnd(String text, int end) {
        return end > 0 && Character.isHighSurrogate(text.charAt(end - 1)) ? end - 1 : end;
    }

    private static List<IncomingEmail.Header> headers(MimeMessage message) throws MessagingException {
        List<IncomingEmail.Header> headers = new ArrayList<>();
        for (Header header : Collections.list(message.getAllHeaders())) {
            headers.add(new IncomingEmail.Header(header.getName(), decode(header.getValue())));
        }
        return headers;
    }

    private static String decode(String rawValue) {
        String unfolded = MimeUtility.unfold(rawValue == null ? "" : rawValue).strip();
        try {
            return MimeUtility.decodeText(unfolded);
        } catch (UnsupportedEncodingException | RuntimeException e) {
            return unfolded;
        }
    }

    private static Optional<IncomingEmail.SpamResult> spam(Mail mail) {
        return AttributeUtils.getValueAndCastFromMail(mail, SPAM_VERDICT, String.class)
            .map(verdict -> new IncomingEmail.SpamResult(verdict,
                AttributeUtils.getValueAndCastFromMail(mail, SPAM_SCORE, Double.class).orElse(0.5)));
    }
}
