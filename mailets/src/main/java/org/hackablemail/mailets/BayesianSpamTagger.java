package org.hackablemail.mailets;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.james.lifecycle.api.LifecycleUtil;
import org.apache.james.server.core.MailImpl;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.ProcessingState;
import org.apache.mailet.base.GenericMailet;
import org.hackablemail.bayes.BayesianFilter;
import org.hackablemail.bayes.classify.Classification;
import org.hackablemail.bayes.classify.ClassifierSettings;
import org.hackablemail.bayes.classify.ModelUsed;
import org.hackablemail.bayes.classify.Verdict;
import org.hackablemail.bayes.store.Scope;
import org.hackablemail.message.MailSnapshots;
import org.hackablemail.message.TopHeaderFields;
import org.hackablemail.metrics.BundleMetrics;
import org.hackablemail.plugins.JamesOwners;
import org.hackablemail.spam.MessageBytes;
import org.hackablemail.spam.SpamFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Classifies each message for each recipient with the bundle's Bayesian filter and records the verdicts.
 *
 * <p>Each recipient's verdict is read from the shared model, or from the recipient's personal layer over it once they
 * trained enough (docs/bayes.md). The mail gets {@code X-Spam-Bayes: yes|no|unknown}, {@code X-Spam-Bayes-Score: 0.9731}
 * and {@code X-Spam-Bayes-Model: shared|personal} (replacing any such fields the message came with),
 * {@code X-Spam-Flag: YES} when the verdict is yes, and the attributes {@value #VERDICT_ATTRIBUTE_NAME} (String) and
 * {@value #SCORE_ATTRIBUTE_NAME} (Double, the header's rounded score) for the matcher {@code IsSpam} and the
 * recipients' plugins. When recipients get different verdicts, the mail is split as James's {@code RspamdScanner}
 * splits it per user: the first group of recipients stays in this mail, every other group continues in a copy
 * ({@code MailImpl.duplicate}, with its own message) sent to {@code splitProcessor} (by default {@code transport}, where
 * the root processor of the shipped configuration sends mail after this mailet), so each copy carries its own
 * recipients' verdict.</p>
 *
 * <p>A score at or above {@code spamThreshold} is {@code yes}, at or below {@code hamThreshold} is {@code no}, in
 * between {@code unknown}. A model that has not learnt enough of both kinds (20 spam and 20 ham messages), or a message
 * with no token it knows, is always {@code unknown} (score 0.5). The message is read through the mail's one snapshot
 * ({@code MailSnapshots}), which the recipients' plugins read again later instead of parsing the message a second
 * time; autolearn learns the tokens of that same reading, keyed by the message's first {@code maxMessageSize} bytes.
 * Mail from SMTP-authenticated senders, the server's own users, is not classified unless {@code skipAuthenticated} is
 * false; the bundle's own messages ({@link BundleMessages}: replies, notices, invites) never are. With {@code bayes.autolearn=true} (hackable-mail.properties) very confident
 * shared verdicts are learnt.</p>
 *
 * <pre><code>
 * &lt;mailet match="All" class="org.hackablemail.mailets.BayesianSpamTagger"&gt;
 *   &lt;spamThreshold&gt;0.9&lt;/spamThreshold&gt;
 *   &lt;hamThreshold&gt;0.2&lt;/hamThreshold&gt;
 *   &lt;maxMessageSize&gt;512K&lt;/maxMessageSize&gt;
 *   &lt;skipAuthenticated&gt;true&lt;/skipAuthenticated&gt;
 *   &lt;splitProcessor&gt;transport&lt;/splitProcessor&gt;
 * &lt;/mailet&gt;
 * </code></pre>
 */
public class BayesianSpamTagger extends GenericMailet {
    public static final String VERDICT_ATTRIBUTE_NAME = "hackablemail.spam.verdict";
    public static final String SCORE_ATTRIBUTE_NAME = "hackablemail.spam.score";
    public static final AttributeName VERDICT_ATTRIBUTE = AttributeName.of(VERDICT_ATTRIBUTE_NAME);
    public static final AttributeName SCORE_ATTRIBUTE = AttributeName.of(SCORE_ATTRIBUTE_NAME);
    public static final String VERDICT_HEADER = "X-Spam-Bayes";
    public static final String SCORE_HEADER = "X-Spam-Bayes-Score";
    public static final String MODEL_HEADER = "X-Spam-Bayes-Model";
    public static final String FLAG_HEADER = "X-Spam-Flag";

    static final String SPAM_THRESHOLD = "spamThreshold";
    static final String HAM_THRESHOLD = "hamThreshold";
    static final String MAX_MESSAGE_SIZE = "maxMessageSize";
    static final String SKIP_AUTHENTICATED = "skipAuthenticated";
    static final String SPLIT_PROCESSOR = "splitProcessor";
    private static final String DEFAULT_MAX_MESSAGE_SIZE = "512K";
    private static final String DEFAULT_SPLIT_PROCESSOR = "transport";
    private static final Logger LOGGER = LoggerFactory.getLogger(BayesianSpamTagger.class);

    /** What one recipient's verdict puts on the mail; recipients with equal taggings share one mail. */
    private record Tagging(Verdict verdict, String score, ModelUsed model) {
    }

    private final SpamFilter spamFilter;
    private final MailSnapshots snapshots;
    private double spamThreshold;
    private double hamThreshold;
    private long maxMessageSize;
    private boolean skipAuthenticated;
    private String splitProcessor;
    private final BundleMetrics metrics;

    /** Counts each recipient's verdict as {@code hackablemail.bayes.verdict.<yes|no|unknown>}. */
    @Inject
    public BayesianSpamTagger(SpamFilter spamFilter, BundleMetrics metrics, MailSnapshots snapshots) {
        this.spamFilter = spamFilter;
        this.metrics = metrics;
        this.snapshots = snapshots;
    }

    @Override
    public void init() throws MessagingException {
        checkInitParameters(Set.of(SPAM_THRESHOLD, HAM_THRESHOLD, MAX_MESSAGE_SIZE, SKIP_AUTHENTICATED, SPLIT_PROCESSOR));
        MailetParameters parameters = new MailetParameters(getMailetConfig(), "BayesianSpamTagger");
        spamThreshold = parameters.fraction(SPAM_THRESHOLD, ClassifierSettings.DEFAULT.spamCutoff());
        hamThreshold = parameters.fraction(HAM_THRESHOLD, ClassifierSettings.DEFAULT.hamCutoff());
        if (hamThreshold > spamThreshold) {
            throw new MessagingException("BayesianSpamTagger: '" + HAM_THRESHOLD + "' (" + hamThreshold
                + ") must not be above '" + SPAM_THRESHOLD + "' (" + spamThreshold + ")");
        }
        maxMessageSize = parameters.size(MAX_MESSAGE_SIZE, DEFAULT_MAX_MESSAGE_SIZE);
        skipAuthenticated = parameters.bool(SKIP_AUTHENTICATED, true);
        splitProcessor = parameters.optional(SPLIT_PROCESSOR).orElse(DEFAULT_SPLIT_PROCESSOR);
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        if (BundleMessages.isBundleMessage(mail)
                || skipAuthenticated && mail.getAttribute(Mail.SMTP_AUTH_USER).isPresent()) {
            return;
        }
        BayesianFilter filter = spamFilter.filter();
        Set<String> tokens = filter.tokenize(snapshots.of(mail));
        Classification shared = filter.classify(tokens, Optional.empty());
        Map<Tagging, List<MailAddress>> groups = new LinkedHashMap<>();
        for (MailAddress recipient : mail.getRecipients()) {
            Classification classification = layerOf(recipient)
                .map(layer -> filter.classify(tokens, Optional.of(layer)))
                .orElse(shared);
            Tagging tagging = tagging(classification);
            metrics.counter("hackablemail.bayes.verdict." + tagging.verdict().headerValue()).increment();
            groups.computeIfAbsent(tagging, any -> new ArrayList<>()).add(recipient);
        }
        spamFilter.autolearner().offer(() -> bytesOf(mail), tokens, shared);
        if (groups.isEmpty()) {
            tag(mail, tagging(shared));
            return;
        }
        Iterator<Map.Entry<Tagging, List<MailAddress>>> each = groups.entrySet().iterator();
        Map.Entry<Tagging, List<MailAddress>> first = each.next();
        while (each.hasNext()) {
            Map.Entry<Tagging, List<MailAddress>> group = each.next();
            sendCopy(mail, group.getValue(), group.getKey());
        }
        tag(mail, first.getKey());
    }

    /** The message as autolearn keys and keeps it: its first {@code maxMessageSize} bytes. */
    private byte[] bytesOf(Mail mail) {
        try {
            return MessageBytes.read(mail.getMessage(), maxMessageSize);
        } catch (MessagingException e) {
            throw new IllegalStateException("Cannot read the message of " + mail.getName(), e);
        }
    }

    /** The recipient's personal layer, when they have one worth reading; recipients without one get the shared verdict. */
    private Optional<Scope> layerOf(MailAddress recipient) {
        try {
            Scope layer = SpamFilter.recipientScope(JamesOwners.of(recipient));
            return spamFilter.filter().model().personal(layer).isPresent() ? Optional.of(layer) : Optional.empty();
        } catch (IllegalArgumentException notAnOwner) {
            return Optional.empty();
        }
    }

    /**
     * Sends the group's copy on, then takes its recipients off this mail: should sending fail, this mail keeps them
     * (and goes to the error processor with them), so no recipient is lost or served twice.
     */
    private void sendCopy(Mail mail, List<MailAddress> recipients, Tagging tagging) throws MessagingException {
        // One copy of the message, in James's wrapper (which keeps the Message-ID when changes are saved), whatever
        // the Mail implementation: Mail.duplicate() of some (FakeMail) shares the message instead.
        MailImpl copy = MailImpl.duplicate(mail);
        try {
            copy.setRecipients(recipients);
            tag(copy, tagging);
            getMailetContext().sendMail(copy, splitProcessor);
        } finally {
            LifecycleUtil.dispose(copy);
        }
        List<MailAddress> remaining = new ArrayList<>(mail.getRecipients());
        remaining.removeAll(recipients);
        mail.setRecipients(remaining);
        LOGGER.debug("Mail {}: {} recipient(s) with Bayes verdict {} ({}) continue in {}", mail.getName(),
            recipients.size(), tagging.verdict().headerValue(), tagging.model().headerValue(), splitProcessor);
    }

    private static void tag(Mail mail, Tagging tagging) throws MessagingException {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(VERDICT_HEADER, tagging.verdict().headerValue());
        fields.put(SCORE_HEADER, tagging.score());
        fields.put(MODEL_HEADER, tagging.model().headerValue());
        if (tagging.verdict() == Verdict.YES) {
            fields.put(FLAG_HEADER, "YES");
        }
        // Whatever the sender wrote in these fields goes; an upstream filter's X-Spam-Flag stays unless we set ours.
        TopHeaderFields.put(mail, fields.entrySet().stream().map(field -> field.getKey() + ": " + field.getValue()).toList(),
            (name, value) -> fields.keySet().stream().anyMatch(name::equalsIgnoreCase));
        mail.setAttribute(new Attribute(VERDICT_ATTRIBUTE, AttributeValue.of(tagging.verdict().headerValue())));
        mail.setAttribute(new Attribute(SCORE_ATTRIBUTE, AttributeValue.of(Double.parseDouble(tagging.score()))));
    }

    private Tagging tagging(Classification classification) {
        return new Tagging(verdictOf(classification), String.format(Locale.ROOT, "%.4f", classification.score()),
            classification.model());
    }

    /** No evidence (an under-trained model, no known token) stays unknown whatever the thresholds. */
    private Verdict verdictOf(Classification classification) {
        if (classification.isUndecided()) {
            return Verdict.UNKNOWN;
        }
        if (classification.score() >= spamThreshold) {
            return Verdict.YES;
        }
        if (classification.score() <= hamThreshold) {
            return Verdict.NO;
        }
        return Verdict.UNKNOWN;
    }

    @Override
    public Collection<ProcessingState> requiredProcessingState() {
        return List.of(new ProcessingState(splitProcessor));
    }

    @Override
    public String getMailetInfo() {
        return "BayesianSpamTagger: per-recipient Bayesian spam verdicts in X-Spam-Bayes headers and mail attributes";
    }
}
