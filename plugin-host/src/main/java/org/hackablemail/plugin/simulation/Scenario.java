package org.hackablemail.plugin.simulation;

import java.util.Map;
import java.util.Objects;

import javax.mail.internet.AddressException;
import javax.mail.internet.InternetAddress;

import org.hackablemail.mime.HeaderField;
import org.hackablemail.mime.MessageSnapshot;
import org.hackablemail.plugin.email.IncomingEmail;
import org.hackablemail.plugin.email.PluginInput;
import org.hackablemail.plugin.email.SnapshotView;
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
    public Scenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(expect, "expect");
    }

    /** What the plugin gets, within the sandbox's input cap, read as James reads mail: any bytes will do. */
    PluginInput input(String owner, int maxInputBytes) {
        MessageSnapshot snapshot = MessageSnapshot.of(message);
        IncomingEmail email = SnapshotView.of(snapshot)
            .sender(sender(snapshot))
            .receiver(owner)
            .size((long) message.length)
            .build();
        return PluginInput.fitted(email, maxInputBytes);
    }

    /** The call with that input, the mock host answering as this scenario says. */
    EmailCall call(PluginInput input, String owner, Map<String, String> config) {
        return new EmailCall(owner, input.json(), config, replySucceeds, deliverSucceeds);
    }

    /** The address of the first {@code From}, or "" (the null sender) when there is none that parses. */
    private static String sender(MessageSnapshot snapshot) {
        return snapshot.headers().stream()
            .filter(field -> field.name().equalsIgnoreCase("From"))
            .findFirst()
            .map(HeaderField::value)
            .map(Scenario::firstAddress)
            .orElse("");
    }

    private static String firstAddress(String from) {
        try {
            InternetAddress[] addresses = InternetAddress.parseHeader(from, false);
            return addresses.length > 0 && addresses[0].getAddress() != null ? addresses[0].getAddress() : "";
        } catch (AddressException e) {
            return "";
        }
    }
}
