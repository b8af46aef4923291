package org.hackablemail.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.james.JamesServerExtension;
import org.hackablemail.launcher.DemoUsers;
import org.hackablemail.launcher.WebAdminClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Self-service onboarding through a real James: a signup mail to the IT address, the invite in the sender's IMAP
 * inbox, and what users see when something is wrong, each changing nothing.
 */
class OnboardingTest {
    private static final InProcessJames JAMES = new InProcessJames();
    private static final AtomicInteger USERS = new AtomicInteger();
    private static final Pattern CODE = Pattern.compile("Your invite code: (\\S+)");

    @RegisterExtension
    static JamesServerExtension server = JAMES.extension();

    private static WebAdminClient webAdmin;
    private static Mailboxes mailboxes;
    private String owner;
    private String other;

    @BeforeAll
    static void setUp() throws Exception {
        webAdmin = WebAdminClient.onLoopback(JAMES.ports().webAdmin(), JAMES.adminToken());
        mailboxes = new Mailboxes(JAMES.ports().smtp(), JAMES.ports().imap());
        webAdmin.upsertUser(DemoUsers.IT_ADDRESS, DemoUsers.PASSWORD);
    }

    @BeforeEach
    void newUsers() throws Exception {
        int test = USERS.incrementAndGet();
        owner = "guest" + test + "@demo.test";
        other = "other" + test + "@demo.test";
        webAdmin.upsertUser(owner, DemoUsers.PASSWORD);
        webAdmin.upsertUser(other, DemoUsers.PASSWORD);
    }

    @Test
    void aSignupMailShouldBringTheSenderAnInviteAndNotReachTheItAddress() throws Exception {
        mailboxes.send(owner, List.of(DemoUsers.IT_ADDRESS), "/HackableMail   signup", "please");

        String invite = mailboxes.awaitMessages(owner, 1);

        assertThat(invite).contains("Subject: Your Hackable Mail invite", "From: " + DemoUsers.IT_ADDRESS);
        assertThat(code(invite)).startsWith("hmi_");
        assertThat(mailboxes.messageCount(DemoUsers.IT_ADDRESS)).isZero();
    }

    @Test
    void aForgedSignupShouldSendTheInviteToTheRealOwnerOnly() throws Exception {
        mailboxes.send(owner, List.of(DemoUsers.IT_ADDRESS, other), "/hackablemail signup", "forged by someone else");

        assertThat(mailboxes.awaitMessages(owner, 1)).contains("Subject: Your Hackable Mail invite");
        assertThat(mailboxes.awaitMessages(other, 1)).contains("forged by someone else").doesNotContain("invite code");
    }

    private static String code(String invite) {
        Matcher code = CODE.matcher(invite);
        assertThat(code.find()).as(invite).isTrue();
        return code.group(1);
    }
}
