package org.hackablemail.matchers;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMatcher;

/**
 * Matches mail whose subject, decoded (RFC 2047), contains a match of the condition, a Java regular expression.
 * Use {@code (?i)} for case-insensitive matching, {@code ^} to anchor it at the start. Mail without a subject never
 * matches.
 *
 * <pre><code>
 * &lt;mailet match="org.hackablemail.matchers.SubjectMatches=(?i)/hackablee?mail\s+signup" class="..."/&gt;
 * </code></pre>
 */
public class SubjectMatches extends GenericMatcher {
    private Pattern pattern;

    @Override
    public void init() throws MessagingException {
        String condition = getCondition();
        if (condition == null || condition.isEmpty()) {
            throw new MessagingException("SubjectMatches needs a regular expression, e.g. SubjectMatches=(?i)^\\s*signup");
        }
        try {
            pattern = Pattern.compile(condition);
        } catch (PatternSyntaxException e) {
            throw new MessagingException("SubjectMatches: '" + condition + "' is not a regular expression: "
                + e.getDescription(), e);
        }
    }

    @Override
    public Collection<MailAddress> match(Mail mail) throws MessagingException {
        boolean matches = Optional.ofNullable(mail.getMessage().getSubject())
            .filter(subject -> pattern.matcher(subject).find())
            .isPresent();
        return matches ? mail.getRecipients() : List.of();
    }

    @Override
    public String getMatcherInfo() {
        return "SubjectMatches: mail whose decoded subject matches a regular expression";
    }
}
