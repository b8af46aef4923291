package org.hackablemail.plugins;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeUtility;

import org.hackablemail.plugin.email.HeaderChange;
import org.hackablemail.plugin.email.IncomingEmail;

/**
 * What a plugin changed when it called {@code deliver}, as edits to apply to a message: a header whose value differs
 * replaces the original, a new name adds a header, a {@code null} value removes it, headers left out stay. A changed
 * body replaces the whole message content with one text/plain part, so attachments are then dropped. The envelope
 * never changes. Equal edits are equal values, so that recipients whose plugins changed the message alike can share
 * one copy.
 *
 * @param headers header edits in the plugin's order: a name with the value to set, or empty to remove it
 * @param body    the new text, when the plugin changed the body
 */
public record DeliveredMessage(List<HeaderEdit> headers, Optional<String> body) {
    /** RFC 5322 field names: printable US-ASCII but the colon. */
    private static final Pattern FIELD_NAME = Pattern.compile("[!-9;-~]+");
    private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n]+");

    /** One header to set (already encoded and folded) or, when {@code value} is empty, to remove. */
    public record HeaderEdit(String name, Optional<String> value) {
    }

    /**
     * @return the edits, or empty when the plugin delivered the message as it received it
     */
    public static Optional<DeliveredMessage> changes(IncomingEmail received, IncomingEmail delivered) {
        List<HeaderEdit> edits = new ArrayList<>();
        for (HeaderChange change : HeaderChange.between(received, delivered)) {
            if (FIELD_NAME.matcher(change.name()).matches()) {
                edits.add(new HeaderEdit(change.name(), Optional.ofNullable(change.value())
                    .map(text -> encode(change.name(), text))));
            }
        }
        Optional<String> body = HeaderChange.bodyChanged(received, delivered) ? Optional.of(delivered.body())
            : Optional.empty();
        if (edits.isEmpty() && body.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DeliveredMessage(List.copyOf(edits), body));
    }

    /** Applies the edits to {@code message} itself, keeping its Message-ID. */
    public void applyTo(MimeMessage message) throws MessagingException {
        String messageId = message.getMessageID();
        for (HeaderEdit edit : headers) {
            if (edit.value().isPresent()) {
                message.setHeader(edit.name(), edit.value().get());
            } else {
                message.removeHeader(edit.name());
            }
        }
        if (body.isPresent()) {
            message.setText(body.get(), StandardCharsets.UTF_8.name());
        }
        message.saveChanges();
        // James's MimeMessageWrapper keeps it on saving; a plain MimeMessage makes up a new one, breaking threads.
        if (messageId != null && !messageId.equals(message.getMessageID())) {
            message.setHeader("Message-ID", messageId);
        }
    }

    /** One line (a plugin cannot inject headers), RFC 2047-encoded when not ASCII, folded. */
    static String encode(String name, String value) {
        String oneLine = LINE_BREAKS.matcher(value).replaceAll(" ");
        try {
            return MimeUtility.fold(name.length() + 2, MimeUtility.encodeText(oneLine, StandardCharsets.UTF_8.name(), null));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
    }
}
