package org.hackablemail.mailets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;

import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import org.apache.james.core.MaybeSender;
import org.apache.james.core.builder.MimeMessageBuilder;
import org.apache.james.metrics.api.NoopGaugeRegistry;
import org.apache.james.metrics.tests.RecordingMetricFactory;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeUtils;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.hackablemail.metrics.BundleMetrics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpfAnnotatorTest {
    private static final String RECEIVER = "mx.example.org";
    private static final String PERMITTED_CLIENT = "192.0.2.1";
    private static final String OTHER_CLIENT = "198.51.100.7";

    private static final RecordingMetricFactory METRICS = new RecordingMetricFactory();

    private SpfAnnotator mailet;

    @BeforeEach
    void setUp() throws Exception {
        mailet = annotator(config().build());
    }

    private static SpfAnnotator annotator(FakeMailetConfig config) throws MessagingException {
        SpfAnnotator annotator = new SpfAnnotator(new SpfAnnotatorFakeDns()
            .txt("example.com", "v=spf1 ip4:" + PERMITTED_CLIENT + " -all")
            .txt("mail.example.com", "v=spf1 a -all")
            .a("mail.example.com", PERMITTED_CLIENT)
            .timingOut("slow.example.com"), new BundleMetrics(METRICS, new NoopGaugeRegistry()));
        annotator.init(config);
        return annotator;
    }

    private static FakeMailetConfig.Builder config() {
        return FakeMailetConfig.builder().mailetName("SpfAnnotator").setProperty("receiver", RECEIVER);
    }

    private static FakeMail.Builder mail(String client, String sender) throws MessagingException {
        return FakeMail.builder()
            .name("mail1")
            .sender(sender)
            .recipient("rcpt@example.org")
            .remoteAddr(client)
            .remoteHost("client.example.com")
            .attribute(new Attribute(Mail.SMTP_HELO, AttributeValue.of("mail.example.com")))
            .mimeMessage(MimeMessageBuilder.mimeMessageBuilder()
                .addHeader("Received", "from mail.example.com by mx.example.org")
                .setSubject("hello")
                .setText("body"));
    }

    private static List<String> headerLines(Mail mail) throws MessagingException {
        return Collections.list(mail.getMessage().getAllHeaderLines());
    }

    private static String result(Mail mail) {
        return AttributeUtils.getValueAndCastFromMail(mail, SpfAnnotator.RESULT_ATTRIBUTE, String.class).orElse("unset");
    }

    @Test
    void serviceShouldPrependReceivedSpfThenAuthenticationResultsAboveExistingHeaders() throws Exception {
        FakeMail mail = mail(PERMITTED_CLIENT, "alice@example.com").build();

        mailet.service(mail);

        List<String> lines = headerLines(mail);
        assertThat(lines.get(0)).isEqualTo("Received-SPF: pass (mx.example.org: domain of alice@example.com designates 192.0.2.1"
            + " as permitted sender) client-ip=192.0.2.1; envelope-from=\"alice@example.com\"; helo=mail.example.com;"
            + " receiver=mx.example.org; identity=mailfrom; mechanism=\"ip4:192.0.2.1\"");
        assertThat(lines.get(1)).isEqualTo("Authentication-Results: mx.example.org; spf=pass smtp.mailfrom=alice@example.com");
        assertThat(lines.get(2)).startsWith("Received: from mail.example.com");
    }

    @Test
    void serviceShouldSetTheResultAttribute() throws Exception {
        FakeMail mail = mail(OTHER_CLIENT, "alice@example.com").build();

        mailet.service(mail);

        assertThat(result(mail)).isEqualTo("fail");
    }

    @Test
    void serviceShouldCheckPostmasterAtHeloWhenSenderIsNull() throws Exception {
        FakeMail mail = mail(PERMITTED_CLIENT, "alice@example.com").sender(MaybeSender.nullSender()).build();

        mailet.service(mail);

        assertThat(result(mail)).isEqualTo("pass");
        assertThat(headerLines(mail).get(0)).contains("envelope-from=\"postmaster@mail.example.com\"");
    }

    @Test
    void serviceShouldGiveTemperrorWhenDnsTimesOut() throws Exception {
        FakeMail mail = mail(PERMITTED_CLIENT, "alice@slow.example.com").build();

        mailet.service(mail);

        assertThat(result(mail)).isEqualTo("temperror");
        assertThat(headerLines(mail).get(0)).startsWith("Received-SPF: temperror ");
    }

    @Test
    void serviceShouldAddAHeloVerdictWhenCheckHeloIsOn() throws Exception {
        SpfAnnotator heloChecking = annotator(config().setProperty("checkHelo", "true").build());
        FakeMail mail = mail(PERMITTED_CLIENT, "alice@example.com").build();

        heloChecking.service(mail);

        List<String> lines = headerLines(mail);
        assertThat(lines.get(0)).startsWith("Received-SPF: pass ").contains("identity=mailfrom");
        assertThat(lines.get(1)).startsWith("Received-SPF: pass ").contains("identity=helo");
        assertThat(lines.get(2)).isEqualTo("Authentication-Results: mx.example.org;"
            + " spf=pass smtp.mailfrom=alice@example.com; spf=pass smtp.helo=mail.example.com");
        assertThat(result(mail)).isEqualTo("pass");
    }

    @Test
    void serviceShouldLeaveMailAloneWhenClientIsInADefaultTrustedNetwork() throws Exception {
        FakeMail mail = mail("192.168.1.20", "alice@example.com").build();

        mailet.service(mail);

        assertThat(headerLines(mail)).noneMatch(line -> line.startsWith("Received-SPF") || line.startsWith("Authentication-Results"));
        assertThat(mail.getAttribute(SpfAnnotator.RESULT_ATTRIBUTE)).isEmpty();
    }

    @Test
    void serviceShouldCheckLoopbackClientsWhenNoNetworkIsTrusted() throws Exception {
        SpfAnnotator trustingNobody = annotator(config().setProperty("trustedNetworks", "").build());
        FakeMail mail = mail("127.0.0.1", "alice@example.com").build();

        trustingNobody.service(mail);

        assertThat(result(mail)).isEqualTo("fail");
    }

    @Test
    void serviceShouldLeaveMailAloneWhenSenderIsAuthenticated() throws Exception {
        FakeMail mail = mail(OTHER_CLIENT, "alice@example.com")
            .attribute(new Attribute(Mail.SMTP_AUTH_USER, AttributeValue.of("alice")))
            .build();

        mailet.service(mail);

        assertThat(mail.getAttribute(SpfAnnotator.RESULT_ATTRIBUTE)).isEmpty();
        assertThat(mail.getMessage().getHeader("Received-SPF")).isNull();
    }

    @Test
    void serviceShouldRemoveIncomingAuthenticationResultsClaimingOurAuthservIdOnly() throws Exception {
        FakeMail mail = mail(OTHER_CLIENT, "alice@example.com")
            .mimeMessage(MimeMessageBuilder.mimeMessageBuilder()
                .addHeader("Authentication-Results", "MX.example.org; spf=pass smtp.mailfrom=alice@example.com")
                .addHeader("Authentication-Results", "relay.example.net; spf=pass smtp.mailfrom=alice@example.com")
                .setSubject("forged")
                .setText("body"))
            .build();

        mailet.service(mail);

        assertThat(mail.getMessage().getHeader("Authentication-Results")).containsExactly(
            "mx.example.org; spf=fail smtp.mailfrom=alice@example.com",
            "relay.example.net; spf=pass smtp.mailfrom=alice@example.com");
    }

    @Test
    void serviceShouldKeepTheOtherHeadersInTheirOrder() throws Exception {
        FakeMail mail = mail(PERMITTED_CLIENT, "alice@example.com").build();
        List<String> before = headerLines(mail);

        mailet.service(mail);

        assertThat(headerLines(mail).subList(2, headerLines(mail).size())).isEqualTo(before);
    }

    @Test
    void initShouldThrowWhenReceiverIsMissing() {
        assertThatThrownBy(() -> annotator(FakeMailetConfig.builder().mailetName("SpfAnnotator").build()))
            .isInstanceOf(MessagingException.class)
            .hasMessageContaining("receiver");
    }

    @Test
    void initShouldThrowWhenReceiverIsNotAHostName() {
        assertThatThrownBy(() -> annotator(FakeMailetConfig.builder().mailetName("SpfAnnotator").setProperty("receiver", "mx; spf=pass").build()))
            .isInstanceOf(MessagingException.class)
            .hasMessageContaining("host name");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "checkhelo        | true                 | Unexpected init parameters found: [checkhelo]",
        "checkHelo        | yes                  | checkHelo",
        "trustedNetworks  | 10.0.0.0/8, intranet | intranet",
        "dnsServers       | resolver.example.net | resolver.example.net",
        "dnsTimeoutMillis | 0                    | dnsTimeoutMillis",
        "budgetMillis     | 20 parsecs           | 'budgetMillis' must be a positive number of milliseconds"})
    void initShouldThrowWhenAParameterIsInvalid(String name, String value, String expectedInMessage) {
        assertThatThrownBy(() -> annotator(config().setProperty(name, value).build()))
            .isInstanceOf(MessagingException.class)
            .hasMessageContaining(expectedInMessage);
    }

    @Test
    void serviceShouldCountResultsAndUncheckedMailInJamesMetrics() throws Exception {
        long failed = METRICS.countFor("hackablemail.spf.result.fail");
        long skipped = METRICS.countFor("hackablemail.spf.skipped");

        mailet.service(mail(OTHER_CLIENT, "alice@example.com").build());
        mailet.service(mail("127.0.0.1", "alice@example.com").build());

        assertThat(METRICS.countFor("hackablemail.spf.result.fail")).isEqualTo(failed + 1);
        assertThat(METRICS.countFor("hackablemail.spf.skipped")).isEqualTo(skipped + 1);
    }

    @Test
    void getMailetInfoShouldNameTheMailet() {
        assertThat(mailet.getMailetInfo()).startsWith("SpfAnnotator");
    }
}
