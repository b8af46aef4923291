package org.hackablemail.mailets;

import java.util.Locale;
import java.util.Set;

import javax.inject.Inject;
import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.hackablemail.bayes.classify.Classification;
import org.hackablemail.bayes.classify.ClassifierSettings;
import org.hackablemail.bayes.classify.Verdict;
import org.hackablemail.spam.MessageBytes;
import org.hackablemail.spam.SpamFilter;

/**
 * Classifies each message with the bundle's Bayesian filter and records the verdict.
 *
 * <p>Adds {@code X-Spam-Bayes: yes|no|unknown} and {@code X-Spam-Bayes-Score: 0.9731} (replacing any such fields the
 * message came with), {@code X-Spam-Flag: YES} when the verdict is yes, and sets the attributes
 * {@value #VERDICT_ATTRIBUTE_NAME} (String) and {@value #SCORE_ATTRIBUTE_NAME} (Double) for the matcher
 * {@code IsSpam} and the recipients' plugins. A score at or above {@code spamThreshold} is {@code yes}, at or below
 * {@code hamThreshold} is {@code no}, in between {@code unknown}. A store that has not learnt enough of both kinds
 * (20 spam and 20 ham messages), or a message with no token the store knows, is always {@code unknown} (score 0.5).</p>
 *
 * <p>Only the first {@code maxMessageSize} bytes of a message are read. Mail from SMTP-authenticated senders, the
 * server's own users, is not classified unless {@code skipAuthenticated} is false. The filter learns through
 * {@link BayesianTrainer}, webadmin ({@code /hackable/bayes}) or {@code hackmail bayes train}.</p>
 *
 * <pre><code>
 * &lt;mailet match="All" class="org.hackablemail.mailets.BayesianSpamTagger"&gt;
 *   &lt;spamThreshold&gt;0.9&lt;/spamThreshold&gt;
 *   &lt;hamThreshold&gt;0.2&lt;/hamThreshold&gt;
 *   &lt;maxMessageSize&gt;512K&lt;/maxMessageSize&gt;
 *   &lt;skipAuthenticated&gt;true&lt;/skipAuthenticated&gt;
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
    public static final String FLAG_HEADER = "X-Spam-Flag";

    static final String SPAM_THRESHOLD = "spamThreshold";
    static final String HAM_THRESHOLD = "hamThreshold";
    static final String MAX_MESSAGE_SIZE = "maxMessageSize";
    static final String SKIP_AUTHENTICATED = "skipAuthenticated";
    private static final String DEFAULT_MAX_MESSAGE_SIZE = "512K";

    private final SpamFilter spamFilter;
    private double spamThreshold;
    private double hamThreshold;
    private long maxMessageSize;
    private boolean skipAuthenticated;

    @Inject
    public BayesianSpamTagger(SpamFilter spamFilter) {
        this.spamFilter = spamFilter;
    }

    @Override
    public void init() throws MessagingException {
        checkInitParameters(Set.of(SPAM_THRESHOLD, HAM_THRESHOLD, MAX_MESSAGE_SIZE, SKIP_AUTHENTICATED));
        MailetParameters parameters = new MailetParameters(getMailetConfig(), "BayesianSpamTagger");
        spamThreshold = parameters.fraction(SPAM_THRESHOLD, ClassifierSettings.DEFAULT.spamCutoff());
        hamThreshold = parameters.fraction(HAM_THRESHOLD, ClassifierSettings.DEFAULT.hamCutoff());
        if (hamThreshold > spamThreshold) {
            throw new MessagingException("BayesianSpamTagger: '" + HAM_THRESHOLD + "' (" + hamThreshold
                + ") must not be above '" + SPAM_THRESHOLD + "' (" + spamThreshold + ")");
        }
        maxMessageSize = parameters.size(MAX_MESSAGE_SIZE, DEFAULT_MAX_MESSAGE_SIZE);
        skipAuthenticated = parameters.bool(SKIP_AUTHENTICATED, true);
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        if (skipAuthenticated && mail.getAttribute(Mail.SMTP_AUTH_USER).isPresent()) {
            return;
        }
        MimeMessage message = mail.getMessage();
        Classification classification = spamFilter.filter().classify(MessageBytes.read(message, maxMessageSize));
        Verdict verdict = verdictOf(classification);
        String score = String.format(Locale.ROOT, "%.4f", classification.score());

        message.setHeader(VERDICT_HEADER, verdict.headerValue());
        message.setHeader(SCORE_HEADER, score);
        if (verdict == Verdict.YES) {
            message.setHeader(FLAG_HEADER, "YES");
        }
        message.saveChanges();
        mail.setAttribute(new Attribute(VERDICT_ATTRIBUTE, AttributeValue.of(verdict.headerValue())));
        mail.setAttribute(new Attribute(SCORE_ATTRIBUTE, AttributeValue.of(classification.score())));
    }

    /** No evidence (an under-trained store, no known token) stays unknown whatever the thresholds. */
    private Verdict verdictOf(Classification classification) {
        if (classification.equals(Classification.UNDECIDED)) {
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
    public String getMailetInfo() {
        return "BayesianSpamTagger: Bayesian spam verdict in X-Spam-Bayes, X-Spam-Bayes-Score and mail attributes";
    }
}
