package org.hackablemail.plugin.simulation;

import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

import javax.mail.Address;
import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

import org.hackablemail.plugin.email.IncomingEmail;
import org.hackablemail.plugin.email.MessageView;
import org.hackablemail.plugin.email.PluginInput;
import org.hackablemail.plugin.host.EmailCall;

/**
 * One simulated message: a raw RFC 5322 message, how the mock host answers {@code deliver} and {@code reply}, and
 * what the plugin is expected to do. The envelope sender is the message's {@code From}, the receiver the owner.
 *
 * @param deliverSucceeds false when the mock host refuses {@code deliver} (it returns 75, mailbox unavailable)
 * @param replySucceeds false when the mock host refuses {@code reply} (it returns 77, not allowed)
 */
public record Scenario(String name, byte[] message, boolean deliverSucceeds, boolean replySucceeds,
                       Expectation expect) {
    private static final Session SESSION = Session.getInstance(new Properties());

    public Scenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(expect, "expect");
    }

    /**
     * What the plugin gets, within the sandbox's input cap.
     *
     * @throws IllegalArgumentException when the message cannot be read
     */
    PluginInput input(String owner, int maxInputBytes) {
        try {
            MimeMessage mime = new MimeMessage(SESSION, new ByteArrayInputStream(message));
            IncomingEmail email = MessageView.of(mime).toIncomingEmail(sender(mime), owner, message.length);
            return PluginInput.fitted(email, maxInputBytes);
        } catch (MessagingException e) {
            throw new IllegalArgumentException("not a readable message: " + e.getMessage(), e);
        }
    }

    /** The call with that input, the mock host answering as this scenario says. */
    EmailCall call(PluginInput input, String owner, Map<String, String> config) {
        return new EmailCall(owner, input.json(), config, replySucceeds, deliverSucceeds);
    }

    private static String sender(MimeMessage mime) throws MessagingException {
        Address[] from = mime.getFrom();
        return from != null && from.length > 0 && from[0] instanceof InternetAddress address
            ? address.getAddress() : "";
    }
}
