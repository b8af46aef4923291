package org.hackablemail.mailets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.james.core.builder.MimeMessageBuilder;
import org.apache.james.mailetcontainer.AutomaticallySentMailDetectorImpl;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.hackablemail.core.Owner;
import org.hackablemail.core.guests.GuestAccess;
import org.hackablemail.core.cache.RefreshPolicy;
import org.hackablemail.core.store.StorageSettings;
import org.hackablemail.core.store.fs.FileSystemStorage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InviteMailetTest {
    private static final String IT = "it@demo.test";
    private static final String ALICE = "alice@demo.test";
    private static final Pattern CODE = Pattern.compile("Your invite code: (\\S+)");

    @TempDir
    Path workingDirectory;

    private GuestAccess guests;
    private FakeMailContext context;

    @BeforeEach
    void setUp() {
        FileSystemStorage storage = new FileSystemStorage(workingDirectory, Clock.systemUTC(), StorageSettings.defaults());
        guests = new GuestAccess(storage.guests(), storage.variables(), storage.audit(), Clock.systemUTC(),
            new RefreshPolicy(Duration.ofSeconds(5), Clock.systemUTC(), Runnable::run), Duration.ofDays(90));
        context = FakeMailContext.defaultContext();
    }

    private InviteMailet mailet(FakeMailetConfig.Builder config) throws MessagingException {
        InviteMailet mailet = new InviteMailet(guests, new AutomaticallySentMailDetectorImpl());
        mailet.init(config.mailetName("InviteMailet")
            .mailetContext(LocalUsersContext.of(context, Set.of(new MailAddress(ALICE)))).build());
        return mailet;
    }

    private static FakeMail.Builder signup(MimeMessageBuilder message) throws MessagingException {
        return FakeMail.builder().name("signup").recipient(IT)
            .mimeMessage(message.setSubject("/hackablemail signup").setText("please"));
    }

    private static FakeMail signupFrom(String sender) throws MessagingException {
        return signup(MimeMessageBuilder.mimeMessageBuilder()).sender(sender).build();
    }

    private String mailedCode() throws Exception {
        Matcher code = CODE.matcher((String) context.getSentMails().get(0).getMsg().getContent());
        assertThat(code.find()).isTrue();
        return code.group(1);
    }

    @Test
    void shouldMailTheSenderACodeThatRedeemsForATokenOfTheSender() throws Exception {
        mailet(FakeMailetConfig.builder().setProperty("server", "https://mail.example.org")).service(signupFrom(ALICE));

        FakeMailContext.SentMail invite = context.getSentMails().get(0);
        assertThat(invite.getSender()).isEqualTo(new MailAddress(IT));
        assertThat(invite.getRecipients()).containsExactly(new MailAddress(ALICE));
        assertThat(invite.getMsg().getSubject()).isEqualTo("Your Hackable Mail invite");
        assertThat(invite.getMsg().getHeader("Auto-Submitted")).containsExactly("auto-replied");
        assertThat((String) invite.getMsg().getContent())
            .contains("expires in 7 day(s)", "hackmail invite redeem " + mailedCode() + " --server https://mail.example.org",
                "owner console: https://mail.example.org/hackable-console/");
        assertThat(guests.authenticate(guests.redeem(mailedCode()).token(), owner -> true)).contains(Owner.of(ALICE));
    }

    @Test
    void shouldNotDeliverTheRequest() throws Exception {
        FakeMail request = signupFrom(ALICE);

        mailet(FakeMailetConfig.builder()).service(request);

        assertThat(request.getState()).isEqualTo(Mail.GHOST);
    }

    @Test
    void shouldNotInviteWhenTheSenderIsNull() throws Exception {
        FakeMail request = signup(MimeMessageBuilder.mimeMessageBuilder()).build();

        mailet(FakeMailetConfig.builder()).service(request);

        assertThat(context.getSentMails()).isEmpty();
        assertThat(request.getState()).isEqualTo(Mail.GHOST);
    }

    @Test
    void shouldNotInviteWhenTheRequestIsAutomatic() throws Exception {
        FakeMail request = signup(MimeMessageBuilder.mimeMessageBuilder().addHeader("Auto-Submitted", "auto-replied"))
            .sender(ALICE).build();

        mailet(FakeMailetConfig.builder()).service(request);

        assertThat(context.getSentMails()).isEmpty();
    }

    @Test
    void shouldNotInviteWhenTheSenderIsNotALocalUser() throws Exception {
        FakeMail request = signupFrom("stranger@outside.example");

        mailet(FakeMailetConfig.builder()).service(request);

        assertThat(context.getSentMails()).isEmpty();
        assertThat(request.getState()).isEqualTo(Mail.GHOST);
    }

    @Test
    void shouldMarkTheInviteAsTheBundlesOwnMessage() throws Exception {
        mailet(FakeMailetConfig.builder()).service(signupFrom(ALICE));

        assertThat(context.getSentMails().get(0).getAttributes()).containsKey(BundleMessages.ATTRIBUTE);
    }

    @Test
    void shouldNotInviteTwiceWithinTheMinimumInterval() throws Exception {
        InviteMailet mailet = mailet(FakeMailetConfig.builder().setProperty("minimumInterval", "1 hour"));

        mailet.service(signupFrom(ALICE));
        mailet.service(signupFrom(ALICE));

        assertThat(context.getSentMails()).hasSize(1);
    }

    @Test
    void initShouldThrowWhenCodeValidityIsNotADuration() {
        assertThatThrownBy(() -> mailet(FakeMailetConfig.builder().setProperty("codeValidity", "a week")))
            .isInstanceOf(MessagingException.class)
            .hasMessage("InviteMailet: 'codeValidity' must be a positive duration such as 10 minutes or 7 days, got 'a week'");
    }

    @Test
    void initShouldThrowWhenAParameterIsUnknown() {
        assertThatThrownBy(() -> mailet(FakeMailetConfig.builder().setProperty("validity", "7 days")))
            .isInstanceOf(MessagingException.class)
            .hasMessageContaining("validity");
    }
}
