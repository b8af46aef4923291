package org.hackablemail.plugins;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeUtility;

import org.apache.james.server.core.MimeMessageWrapper;
import org.hackablemail.plugin.email.IncomingEmail;

/**
 * Applies what a plugin changed when it called {@code deliver}: a header whose value differs replaces the original,
 * a new name adds a header, a {@code null} value removes it, headers left out stay. A changed body replaces the whole
 * message content with one text/plain part, so attachments are then dropped. The envelope never changes.
 */
public final class DeliveredMessage {
    /** RFC 5322 field names: printable US-ASCII but the colon. */
    private static final Pattern FIELD_NAME = Pattern.compile("[!-9;-~]+");
    private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n]+");

    private DeliveredMessage() {
    }

    /**
     * @return the changed message, or empty when the plugin delivered the message as it received it
     */
    public static Optional<MimeMessage> apply(MimeMessage original, IncomingEmail received, IncomingEmail delivered)
            throws MessagingException {
        boolean bodyChanged = delivered.body() != null && !delivered.body().equals(received.body());
        Map<String, String> headers = Optional.ofNullable(delivered.headers()).orElse(Map.of());
        boolean headersChanged = headers.entrySet().stream()
            .anyMatch(header -> !Objects.equals(header.getValue(), received.headers().get(header.getKey())));
        if (!bodyChanged && !headersChanged) {
            return Optional.empty();
        }
        // James's wrapper, unlike a plain MimeMessage, keeps the Message-ID when the changes are saved.
        MimeMessage changed = new MimeMessageWrapper(original);
        for (Map.Entry<String, String> header : headers.entrySet()) {
            applyHeader(changed, header.getKey(), header.getValue(), received.headers().get(header.getKey()));
        }
        if (bodyChanged) {
            changed.setText(delivered.body(), StandardCharsets.UTF_8.name());
        }
        changed.saveChanges();
        return Optional.of(changed);
    }

    private static void applyHeader(MimeMessage message, String name, String value, String receivedValue)
            throws MessagingException {
        if (name == null || !FIELD_NAME.matcher(name).matches() || Objects.equals(value, receivedValue)) {
            return;
        }
        if (value == null) {
            message.removeHeader(name);
        } else {
            message.setHeader(name, encode(name, value));
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
