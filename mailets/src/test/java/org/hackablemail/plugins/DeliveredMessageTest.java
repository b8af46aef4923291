package org.hackablemail.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import javax.mail.internet.MimeMessage;

import org.apache.james.core.builder.MimeMessageBuilder;
import org.hackablemail.plugin.email.IncomingEmail;
import org.junit.jupiter.api.Test;

class DeliveredMessageTest {
    private static final Map<String, String> HEADERS = Map.of("Subject", "Lunch", "Message-ID", "<1@outside.example>");
    private static final IncomingEmail RECEIVED = IncomingEmail.of("alice@outside.example", "bob@demo.test", HEADERS, "At noon?");

    @Test
    void applyShouldChangeNothingWhenThePluginDeliveredWhatItReceived() throws Exception {
        assertThat(DeliveredMessage.changes(RECEIVED, RECEIVED)).isEmpty();
    }

    @Test
    void applyShouldReplaceAChangedHeaderAndKeepTheMessageId() throws Exception {
        Map<String, String> headers = new HashMap<>(HEADERS);
        headers.put("Subject", "[tagged] Lunch");

        MimeMessage changed = applied(original(), RECEIVED, with(headers, "At noon?"));

        assertThat(changed.getSubject()).isEqualTo("[tagged] Lunch");
        assertThat(changed.getMessageID()).isEqualTo("<1@outside.example>");
    }

    @Test
    void applyShouldRemoveAHeaderWhoseValueIsNull() throws Exception {
        Map<String, String> receivedHeaders = new HashMap<>(HEADERS);
        receivedHeaders.put("X-Tracking", "pixel");
        Map<String, String> deliveredHeaders = new HashMap<>(HEADERS);
        deliveredHeaders.put("X-Tracking", null);
        MimeMessage original = original();
        original.setHeader("X-Tracking", "pixel");

        MimeMessage changed = applied(original, with(receivedHeaders, "At noon?"),
            with(deliveredHeaders, "At noon?"));

        assertThat(changed.getHeader("X-Tracking")).isNull();
    }

    @Test
    void applyShouldNeverLetAHeaderValueBreakIntoTwoLines() throws Exception {
        Map<String, String> headers = new HashMap<>(HEADERS);
        headers.put("Subject", "Hi\r\nBcc: everyone@example.org");

        MimeMessage changed = applied(original(), RECEIVED, with(headers, "At noon?"));

        assertThat(changed.getHeader("Bcc")).isNull();
        assertThat(changed.getSubject()).isEqualTo("Hi Bcc: everyone@example.org");
    }

    @Test
    void applyShouldReplaceTheContentWithTheChangedBody() throws Exception {
        MimeMessage changed = applied(original(), RECEIVED, with(HEADERS, "Tomorrow instead."));

        assertThat(changed.getContent()).isEqualTo("Tomorrow instead.");
        assertThat(changed.getMessageID()).isEqualTo("<1@outside.example>");
    }

    @Test
    void changesShouldBeEqualWhenTwoPluginsChangedTheMessageAlike() {
        Map<String, String> headers = new HashMap<>(HEADERS);
        headers.put("Subject", "[tagged] Lunch");

        assertThat(DeliveredMessage.changes(RECEIVED, with(headers, "At noon?")))
            .isEqualTo(DeliveredMessage.changes(RECEIVED, with(new HashMap<>(headers), "At noon?")))
            .isNotEqualTo(DeliveredMessage.changes(RECEIVED, with(headers, "At one?")));
    }

    @Test
    void applyToShouldChangeTheMessageItselfWithoutCopyingIt() throws Exception {
        Map<String, String> headers = new HashMap<>(HEADERS);
        headers.put("Subject", "[tagged] Lunch");
        MimeMessage message = original();

        DeliveredMessage.changes(RECEIVED, with(headers, "At noon?")).orElseThrow().applyTo(message);

        assertThat(message.getSubject()).isEqualTo("[tagged] Lunch");
        assertThat(message.getContent()).isEqualTo("At noon?");
    }

    private static MimeMessage applied(MimeMessage original, IncomingEmail received, IncomingEmail delivered)
            throws Exception {
        DeliveredMessage.changes(received, delivered).orElseThrow().applyTo(original);
        return original;
    }

    private static IncomingEmail with(Map<String, String> headers, String body) {
        return IncomingEmail.of(RECEIVED.sender(), RECEIVED.receiver(), headers, body);
    }

    private static MimeMessage original() throws Exception {
        MimeMessage message = MimeMessageBuilder.mimeMessageBuilder()
            .addHeader("Message-ID", "<1@outside.example>")
            .setSubject("Lunch")
            .setText("At noon?")
            .build();
        message.saveChanges();
        message.setHeader("Message-ID", "<1@outside.example>");
        return message;
    }
}
