package org.hackablemail.mailets;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.inject.Inject;
import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.core.builder.MimeMessageBuilder;
import org.apache.mailet.Mail;
import org.apache.mailet.base.AutomaticallySentMailDetector;
import org.apache.mailet.base.GenericMailet;
import org.hackablemail.core.guests.GuestAccess;
import org.hackablemail.plugins.JamesOwners;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a signup request, a mail to the IT address, with an invite: a single-use code, bound to the sender's
 * address and valid for {@code codeValidity}, that the guest endpoint ({@code POST /hackable-guest/redeem}) exchanges
 * for a push token. Mailing the code to the sender is what proves that the requester owns the address: a forged
 * sender only sends its real owner an invite.
 *
 * <p>The request itself is never delivered. Null senders, senders who are not local users, and automatic mail
 * (RFC 3834, lists, bounces) get nothing, so that no invite ever goes to a stranger; an address gets at most one
 * invite per {@code minimumInterval}. Match the requests in the configuration:</p>
 *
 * <pre><code>
 * &lt;matcher name="invite-request" match="org.apache.james.mailetcontainer.impl.matchers.And"&gt;
 *   &lt;matcher match="RecipientIs=it@example.org"/&gt;
 *   &lt;matcher match="SenderIsLocal"/&gt;
 *   &lt;matcher match="org.hackablemail.matchers.SubjectMatches=(?i)/hackablee?mail\s+signup"/&gt;
 * &lt;/matcher&gt;
 * &lt;mailet match="invite-request" class="org.hackablemail.mailets.InviteMailet"&gt;
 *   &lt;codeValidity&gt;7 days&lt;/codeValidity&gt;
 *   &lt;minimumInterval&gt;10 minutes&lt;/minimumInterval&gt;
 *   &lt;server&gt;https://mail.example.org:8000&lt;/server&gt;   &lt;!-- the webadmin URL the invite names --&gt;
 * &lt;/mailet&gt;
 * </code></pre>
 */
public class InviteMailet extends GenericMailet {
    static final String CODE_VALIDITY = "codeValidity";
    static final String MINIMUM_INTERVAL = "minimumInterval";
    static final String SERVER = "server";
    static final String SUBJECT = "Your Hackable Mail invite";
    private static final Logger LOGGER = LoggerFactory.getLogger(InviteMailet.class);

    private final GuestAccess guests;
    private final AutomaticallySentMailDetector automaticallySent;
    private Duration codeValidity;
    private Duration minimumInterval;
    private Optional<String> server;

    @Inject
    public InviteMailet(GuestAccess guests, AutomaticallySentMailDetector automaticallySent) {
        this.guests = guests;
        this.automaticallySent = automaticallySent;
    }

    @Override
    public void init() throws MessagingException {
        checkInitParameters(Set.of(CODE_VALIDITY, MINIMUM_INTERVAL, SERVER));
        MailetParameters parameters = new MailetParameters(getMailetConfig(), "InviteMailet");
        codeValidity = parameters.duration(CODE_VALIDITY, "7 days");
        minimumInterval = parameters.duration(MINIMUM_INTERVAL, "10 minutes");
        server = parameters.optional(SERVER).map(url -> url.replaceAll("/+$", ""));
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        mail.setState(Mail.GHOST);
        if (mail.getMaybeSender().isNullSender() || automaticallySent.isAutomaticallySent(mail)) {
            LOGGER.info("No invite for {}: null or automatic sender {}", mail.getName(), mail.getMaybeSender().asString());
            return;
        }
        MailAddress sender = mail.getMaybeSender().get();
        if (!getMailetContext().isLocalEmail(sender)) {
            LOGGER.info("No invite for {}: its sender {} is not a local user", mail.getName(), sender);
            return;
        }
        Optional<String> code = guests.invite(JamesOwners.of(sender), codeValidity, minimumInterval);
        if (code.isEmpty()) {
            LOGGER.info("No invite for {}: {} got one less than {} ago", mail.getName(), sender, minimumInterval);
            return;
        }
        MailAddress from = mail.getRecipients().iterator().next();
        BundleMessages.send(getMailetContext(), MaybeSender.of(from), List.of(sender), invite(from, sender, code.get()),
            BundleMessages.Kind.INVITE);
        LOGGER.info("Invite mailed to {}", sender);
    }

    private MimeMessage invite(MailAddress from, MailAddress to, String code) throws MessagingException {
        String url = server.orElse("<the mail server's webadmin URL>");
        return MimeMessageBuilder.mimeMessageBuilder()
            .addFrom(from.asString())
            .addToRecipient(to.asString())
            .setSubject(SUBJECT)
            .addHeader("Auto-Submitted", "auto-replied")
            .setText("You asked to run your own plugin on the mail of " + to.asString() + ".\n\n"
                + "Your invite code: " + code + "\n\n"
                + "It works once, until it expires in " + describe(codeValidity) + ". Redeem it for a push token:\n"
                + "  hackmail invite redeem " + code + " --server " + url + "\n"
                + "or: curl -X POST " + url + "/hackable-guest/redeem -H 'Content-Type: application/json' "
                + "-d '{\"code\": \"" + code + "\"}'\n"
                + "or in your browser, in the owner console: " + url + "/hackable-console/\n\n"
                + "If you did not ask for this, ignore this message.\n")
            .build();
    }

    private static String describe(Duration duration) {
        return duration.toDays() > 0 && duration.equals(Duration.ofDays(duration.toDays()))
            ? duration.toDays() + " day(s)" : duration.toMinutes() + " minute(s)";
    }

    @Override
    public String getMailetInfo() {
        return "InviteMailet: mails the sender of a signup request a single-use code for a plugin push token";
    }
}
