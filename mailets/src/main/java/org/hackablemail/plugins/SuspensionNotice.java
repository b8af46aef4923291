package org.hackablemail.plugins;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

import javax.mail.Message;
import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

import org.apache.james.core.MailAddress;
import org.hackablemail.core.circuit.CircuitBreaker;
import org.hackablemail.core.circuit.Circuit;
import org.hackablemail.core.circuit.Fallback;

/**
 * The one mail an owner gets when the circuit breaker suspends their plugin: what failed, the last reasons, where
 * their mail goes meanwhile, how to see what happened and how to run the plugin again.
 */
public final class SuspensionNotice {
    public static final String SUBJECT = "Your mail plugin is suspended";
    private static final Session SESSION = Session.getInstance(new Properties());

    private SuspensionNotice() {
    }

    public static MimeMessage create(MailAddress from, MailAddress owner, CircuitBreaker.Trip trip)
            throws MessagingException {
        Circuit circuit = trip.circuit();
        MimeMessage message = new MimeMessage(SESSION);
        message.setFrom(new InternetAddress(from.asString()));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(owner.asString()));
        message.setSubject(SUBJECT, StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        message.setHeader("Auto-Submitted", "auto-generated");
        message.setText(text(owner, circuit), StandardCharsets.UTF_8.name());
        message.saveChanges();
        return message;
    }

    static String text(MailAddress owner, Circuit circuit) {
        StringBuilder text = new StringBuilder()
            .append("Your mail plugin failed on ").append(circuit.failures()).append(" messages in a row, from ")
            .append(circuit.senders().size()).append(" or more senders, so it was suspended at ")
            .append(circuit.suspendedAt().orElseThrow()).append(".\n\n")
            .append(circuit.fallback() == Fallback.SPAM
                ? "Until it runs again, your mail is delivered unchanged into your Spam folder.\n\n"
                : "Until it runs again, your mail is delivered unchanged to your inbox.\n\n")
            .append("The last failures, latest last:\n");
        circuit.lastReasons().forEach(reason -> text.append("  - ").append(reason).append('\n'));
        return text.append('\n')
            .append("To see what happened: the plugin's page shows its state and its recent calls\n")
            .append("  (GET /hackable-guest/plugin with your push token; admins: GET /hackable/plugins/")
            .append(owner.asString()).append(").\n")
            .append("To run it again, fix it and push a new version, or activate an earlier one:\n")
            .append("  hackmail plugin test plugin.wasm --email failing-message.eml\n")
            .append("  hackmail plugin push plugin.wasm --server <webadmin URL> --token <your push token>\n")
            .append("  hackmail plugin activate <version> --server <webadmin URL> --token <your push token>\n\n")
            .append("You get this notice once; nothing more is sent until the plugin runs again.\n")
            .toString();
    }
}
