package org.hackablemail.mailets;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import javax.inject.Inject;
import javax.mail.MessagingException;
import javax.mail.internet.AddressException;

import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.mailet.AttributeUtils;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.hackablemail.bayes.Label;
import org.hackablemail.bayes.store.Scope;
import org.hackablemail.bayes.store.Source;
import org.hackablemail.bayes.store.TrainingKey;
import org.hackablemail.core.Owner;
import org.hackablemail.plugins.JamesOwners;
import org.hackablemail.spam.SpamFilter;
import org.hackablemail.spam.TrainingMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets the server's users teach the Bayesian filter by mail: a message forwarded as an attachment
 * ({@code message/rfc822}; several attachments teach several messages), or redirected, to {@code spamAddress} is
 * learnt as spam, to {@code hamAddress} as ham: by the sender's personal layer (by the shared model for the
 * {@code bayes.shared.trainers} of {@code hackable-mail.properties}). Each message counts once, recognized by its bytes
 * (SHA-256): mailing it again changes nothing, mailing it to the other address relabels it.
 *
 * <p>Only mail from an SMTP-authenticated sender teaches; mail to a training address from anyone else is logged and
 * dropped. Either way the training addresses are removed from the recipients, so the training mail is never
 * delivered (other recipients still get it). With {@code reply} (the default) the sender gets a short confirmation
 * from the training address. The training addresses must be accepted by James's SMTP server (ValidRcptHandler): make
 * them users or aliases.</p>
 *
 * <pre><code>
 * &lt;mailet match="All" class="org.hackablemail.mailets.BayesianTrainer"&gt;
 *   &lt;spamAddress&gt;spam@example.org&lt;/spamAddress&gt;
 *   &lt;hamAddress&gt;ham@example.org&lt;/hamAddress&gt;
 *   &lt;reply&gt;true&lt;/reply&gt;
 *   &lt;maxMessageSize&gt;512K&lt;/maxMessageSize&gt;   &lt;!-- bytes learnt of each message --&gt;
 * &lt;/mailet&gt;
 * </code></pre>
 */
public class BayesianTrainer extends GenericMailet {
    static final String SPAM_ADDRESS = "spamAddress";
    static final String HAM_ADDRESS = "hamAddress";
    static final String REPLY = "reply";
    static final String MAX_MESSAGE_SIZE = "maxMessageSize";
    private static final String DEFAULT_MAX_MESSAGE_SIZE = "512K";
    private static final Logger LOGGER = LoggerFactory.getLogger(BayesianTrainer.class);

    private final SpamFilter spamFilter;
    private Optional<MailAddress> spamAddress;
    private Optional<MailAddress> hamAddress;
    private boolean reply;
    private long maxMessageSize;

    @Inject
    public BayesianTrainer(SpamFilter spamFilter) {
        this.spamFilter = spamFilter;
    }

    @Override
    public void init() throws MessagingException {
        checkInitParameters(Set.of(SPAM_ADDRESS, HAM_ADDRESS, REPLY, MAX_MESSAGE_SIZE));
        MailetParameters parameters = new MailetParameters(getMailetConfig(), "BayesianTrainer");
        spamAddress = address(parameters, SPAM_ADDRESS);
        hamAddress = address(parameters, HAM_ADDRESS);
        if (spamAddress.isEmpty() && hamAddress.isEmpty()) {
            throw new MessagingException("BayesianTrainer: give '" + SPAM_ADDRESS + "', '" + HAM_ADDRESS + "' or both");
        }
        if (spamAddress.isPresent() && spamAddress.equals(hamAddress)) {
            throw new MessagingException("BayesianTrainer: '" + SPAM_ADDRESS + "' and '" + HAM_ADDRESS + "' must differ");
        }
        reply = parameters.bool(REPLY, true);
        maxMessageSize = parameters.size(MAX_MESSAGE_SIZE, DEFAULT_MAX_MESSAGE_SIZE);
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        Collection<MailAddress> recipients = mail.getRecipients();
        boolean toSpam = spamAddress.filter(recipients::contains).isPresent();
        boolean toHam = hamAddress.filter(recipients::contains).isPresent();
        if (!toSpam && !toHam) {
            return;
        }
        removeTrainingAddresses(mail);
        Optional<String> user = AttributeUtils.getValueAndCastFromMail(mail, Mail.SMTP_AUTH_USER, String.class);
        if (user.isEmpty()) {
            LOGGER.info("Not learning from mail {} to a training address: its sender {} did not authenticate",
                mail.getName(), mail.getMaybeSender().asString());
            return;
        }
        if (toSpam && toHam) {
            confirm(mail, spamAddress.get(), "Nothing learnt",
                "Your message went to both " + spamAddress.get() + " and " + hamAddress.get() + ": nothing was learnt.");
            return;
        }
        Label label = toSpam ? Label.SPAM : Label.HAM;
        List<byte[]> messages = TrainingMessages.of(mail.getMessage(), maxMessageSize);
        Scope scope = spamFilter.trainingScope(trainer(user.get(), mail));
        long learnt = 0;
        for (byte[] message : messages) {
            learnt += spamFilter.filter().learn(TrainingKey.content(scope, message), label, Source.MAIL, () -> message)
                .isPresent() ? 1 : 0;
        }
        String kind = label.name().toLowerCase(Locale.ROOT);
        LOGGER.info("{} taught {} message(s) as {} ({} new to {})", user.get(), messages.size(), kind, learnt, scope);
        confirm(mail, toSpam ? spamAddress.get() : hamAddress.get(), "Learnt " + messages.size() + " message(s) as " + kind,
            "Thank you: " + messages.size() + " message(s) learnt as " + kind
                + (learnt < messages.size() ? " (" + (messages.size() - learnt) + " of them already were)" : "") + ".");
    }

    /** The authenticated user as a mailbox owner; a user name without a domain is known by the envelope sender. */
    private static Owner trainer(String user, Mail mail) throws MessagingException {
        try {
            return Owner.of(user);
        } catch (IllegalArgumentException notAnAddress) {
            return JamesOwners.of(mail.getMaybeSender().asOptional()
                .orElseThrow(() -> new MessagingException("Cannot tell who trains with mail " + mail.getName())));
        }
    }

    private void removeTrainingAddresses(Mail mail) {
        List<MailAddress> others = new ArrayList<>(mail.getRecipients());
        spamAddress.ifPresent(others::remove);
        hamAddress.ifPresent(others::remove);
        if (others.isEmpty()) {
            mail.setState(Mail.GHOST);
        } else {
            mail.setRecipients(others);
        }
    }

    private void confirm(Mail mail, MailAddress from, String subject, String text) throws MessagingException {
        if (reply && mail.getMaybeSender().asOptional().isPresent()) {
            MailAddress to = mail.getMaybeSender().get();
            BundleMessages.send(getMailetContext(), MaybeSender.of(from), List.of(to),
                TrainingConfirmation.of(from, to, subject, text), BundleMessages.Kind.CONFIRMATION);
        }
    }

    private static Optional<MailAddress> address(MailetParameters parameters, String name) throws MessagingException {
        Optional<String> value = parameters.optional(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new MailAddress(value.get()));
        } catch (AddressException e) {
            throw parameters.invalid(name, "a mail address", value.get());
        }
    }

    @Override
    public String getMailetInfo() {
        return "BayesianTrainer: authenticated users teach the Bayesian filter by mailing spam and ham addresses";
    }
}
