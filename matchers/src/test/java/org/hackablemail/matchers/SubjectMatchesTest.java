package org.hackablemail.matchers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.james.core.builder.MimeMessageBuilder;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMatcherConfig;
import org.junit.jupiter.api.Test;

class SubjectMatchesTest {
    private static final String RECIPIENT = "it@example.org";
    private static final String SIGNUP = "(?i)/hackablee?mail\\s+signup";

    private static SubjectMatches matcher(String condition) throws MessagingException {
        SubjectMatches matcher = new SubjectMatches();
        matcher.init(FakeMatcherConfig.builder().matcherName("SubjectMatches").condition(condition).build());
        return matcher;
    }

    private static FakeMail mailWithSubject(String subject) throws MessagingException {
        MimeMessageBuilder message = MimeMessageBuilder.mimeMessageBuilder().setText("body");
        if (subject != null) {
            message.addHeader("Subject", subject);
        }
        return FakeMail.builder().name("mail1").recipient(RECIPIENT).mimeMessage(message).build();
    }

    @Test
    void shouldMatchWhenTheSubjectMatches() throws Exception {
        assertThat(matcher(SIGNUP).match(mailWithSubject("/hackablemail signup")))
            .containsExactly(new MailAddress(RECIPIENT));
    }

    @Test
    void shouldMatchWhenTheSubjectHasOtherCaseAndExtraSpaces() throws Exception {
        assertThat(matcher(SIGNUP).match(mailWithSubject("Re:  /HackableeMail    SignUp please")))
            .containsExactly(new MailAddress(RECIPIENT));
    }

    @Test
    void shouldMatchTheDecodedSubjectWhenItIsEncoded() throws Exception {
        assertThat(matcher(SIGNUP).match(mailWithSubject("=?UTF-8?B?L2hhY2thYmxlbWFpbCBzaWdudXA=?=")))
            .containsExactly(new MailAddress(RECIPIENT));
    }

    @Test
    void shouldNotMatchWhenTheSubjectDoesNotMatch() throws Exception {
        assertThat(matcher(SIGNUP).match(mailWithSubject("hackable mail signup"))).isEmpty();
    }

    @Test
    void shouldNotMatchWhenThereIsNoSubject() throws Exception {
        assertThat(matcher(SIGNUP).match(mailWithSubject(null))).isEmpty();
    }

    @Test
    void initShouldThrowWhenTheConditionIsMissing() {
        assertThatThrownBy(() -> matcher(null))
            .isInstanceOf(MessagingException.class)
            .hasMessageContaining("needs a regular expression");
    }

    @Test
    void initShouldThrowWhenTheConditionIsNotARegularExpression() {
        assertThatThrownBy(() -> matcher("signup("))
            .isInstanceOf(MessagingException.class)
            .hasMessageContaining("'signup(' is not a regular expression");
    }
}
