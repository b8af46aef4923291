package org.hackablemail.matchers;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.mailet.AttributeUtils;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMatcher;
import org.hackablemail.bayes.classify.Verdict;
import org.hackablemail.mailets.BayesianSpamTagger;

/**
 * Matches mail by the Bayesian verdict or score that {@link BayesianSpamTagger} recorded in
 * {@value BayesianSpamTagger#VERDICT_ATTRIBUTE_NAME} and {@value BayesianSpamTagger#SCORE_ATTRIBUTE_NAME}.
 * Without a condition it matches the verdict {@code yes}; a condition is either a comma-separated list of verdicts
 * ({@code yes}, {@code no}, {@code unknown}) or a score from 0 to 1, matching mail scored at or above it. Mail the
 * tagger did not classify (e.g. from authenticated senders) never matches.
 *
 * <pre><code>
 * &lt;mailet match="org.hackablemail.matchers.IsSpam" class="WithStorageDirective"&gt;
 *   &lt;targetFolderName&gt;Spam&lt;/targetFolderName&gt;
 * &lt;/mailet&gt;
 * &lt;mailet match="org.hackablemail.matchers.IsSpam=unknown" class="AddSubjectPrefix"&gt;
 *   &lt;subjectPrefix&gt;[unsure]&lt;/subjectPrefix&gt;
 * &lt;/mailet&gt;
 * &lt;mailet match="org.hackablemail.matchers.IsSpam=0.99" class="Null"/&gt;
 * </code></pre>
 */
public class IsSpam extends GenericMatcher {
    private Predicate<Mail> condition;

    @Override
    public void init() throws MessagingException {
        String value = getCondition() == null ? "" : getCondition().trim();
        if (value.isEmpty()) {
            condition = verdictIn(EnumSet.of(Verdict.YES));
        } else if (Character.isDigit(value.charAt(0)) || value.charAt(0) == '.') {
            condition = scoreAtLeast(score(value));
        } else {
            condition = verdictIn(verdicts(value));
        }
    }

    @Override
    public Collection<MailAddress> match(Mail mail) {
        return condition.test(mail) ? mail.getRecipients() : List.of();
    }

    private static Predicate<Mail> verdictIn(Set<Verdict> verdicts) {
        Set<String> values = verdicts.stream().map(Verdict::headerValue).collect(Collectors.toSet());
        return mail -> AttributeUtils.getValueAndCastFromMail(mail, BayesianSpamTagger.VERDICT_ATTRIBUTE, String.class)
            .filter(values::contains)
            .isPresent();
    }

    private static Predicate<Mail> scoreAtLeast(double threshold) {
        return mail -> AttributeUtils.getValueAndCastFromMail(mail, BayesianSpamTagger.SCORE_ATTRIBUTE, Double.class)
            .filter(score -> score >= threshold)
            .isPresent();
    }

    private static double score(String value) throws MessagingException {
        try {
            double score = Double.parseDouble(value);
            if (score >= 0 && score <= 1) {
                return score;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new MessagingException("IsSpam: a score condition must be a number between 0 and 1, got '" + value + "'");
    }

    private static Set<Verdict> verdicts(String value) throws MessagingException {
        Set<Verdict> verdicts = EnumSet.noneOf(Verdict.class);
        for (String keyword : value.split(",")) {
            String normalized = keyword.trim().toUpperCase(Locale.ROOT);
            if (Arrays.stream(Verdict.values()).noneMatch(verdict -> verdict.name().equals(normalized))) {
                throw new MessagingException("IsSpam: '" + keyword.trim() + "' is neither a verdict (yes, no, unknown) "
                    + "nor a score between 0 and 1");
            }
            verdicts.add(Verdict.valueOf(normalized));
        }
        return verdicts;
    }

    @Override
    public String getMatcherInfo() {
        return "IsSpam: matches by the Bayesian spam verdict or score";
    }
}
