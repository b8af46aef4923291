package org.hackablemail.matchers;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.mailet.AttributeUtils;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMatcher;
import org.hackablemail.mailets.SpfAnnotator;
import org.hackablemail.spf.SpfResult;

/**
 * Matches mail whose SPF result, as set by {@link SpfAnnotator} in {@value SpfAnnotator#RESULT_ATTRIBUTE_NAME},
 * is one of the listed results. Mail the annotator skipped (trusted networks, authenticated senders) never matches.
 *
 * <pre><code>
 * &lt;mailet match="org.hackablemail.matchers.SpfResultIs=fail" class="Bounce"/&gt;
 * &lt;mailet match="org.hackablemail.matchers.SpfResultIs=softfail,permerror" class="ToProcessor"&gt;
 *   &lt;processor&gt;suspicious&lt;/processor&gt;
 * &lt;/mailet&gt;
 * </code></pre>
 */
public class SpfResultIs extends GenericMatcher {
    private Set<SpfResult> results;

    @Override
    public void init() throws MessagingException {
        String condition = getCondition();
        if (condition == null || condition.isBlank()) {
            throw new MessagingException("SpfResultIs needs a comma-separated list of SPF results, e.g. SpfResultIs=fail,softfail");
        }
        results = EnumSet.noneOf(SpfResult.class);
        for (String keyword : condition.split(",")) {
            try {
                results.add(SpfResult.fromKeyword(keyword));
            } catch (IllegalArgumentException e) {
                throw new MessagingException("SpfResultIs: '" + keyword.trim() + "' is not an SPF result; use any of "
                    + Arrays.stream(SpfResult.values()).map(SpfResult::keyword).collect(Collectors.joining(",")), e);
            }
        }
    }

    @Override
    public Collection<MailAddress> match(Mail mail) {
        boolean matches = AttributeUtils.getValueAndCastFromMail(mail, SpfAnnotator.RESULT_ATTRIBUTE, String.class)
            .filter(keyword -> results.stream().anyMatch(result -> result.keyword().equals(keyword)))
            .isPresent();
        return matches ? mail.getRecipients() : List.of();
    }
}
