package org.hackablemail.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.james.core.builder.MimeMessageBuilder;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.hackablemail.config.ValueParsers;
import org.hackablemail.mailets.SpfAnnotator;
import org.hackablemail.plugins.SenderVouching.SenderFacts;
import org.hackablemail.plugins.SenderVouching.Voucher;
import org.hackablemail.spf.IpAddresses;
import org.junit.jupiter.api.Test;

class SenderVouchingTest {
    private static final String SENDER = "alice@shop.example";
    private static final Optional<InetAddress> FRONT_MX = address("10.0.0.25");
    private static final Optional<InetAddress> INTERNET = address("192.0.2.7");
    private static final SenderVouching VOUCHING = new SenderVouching(Set.of("MX.Front.Example"),
        ValueParsers.networks("10.0.0.0/24"));

    @Test
    void shouldVouchForAnAuthenticatedSender() {
        assertThat(VOUCHING.vouch(facts(true, Optional.empty(), INTERNET, List.of()))).contains(Voucher.AUTHENTICATED);
    }

    @Test
    void shouldVouchForASenderWhoseSpfCheckPassed() {
        assertThat(VOUCHING.vouch(facts(false, Optional.of("pass"), INTERNET, List.of()))).contains(Voucher.SPF_PASS);
    }

    @Test
    void shouldNotVouchWhenSpfFailedOrFoundNothing() {
        assertThat(VOUCHING.vouch(facts(false, Optional.of("fail"), INTERNET, List.of()))).isEmpty();
        assertThat(VOUCHING.vouch(facts(false, Optional.of("none"), INTERNET, List.of()))).isEmpty();
        assertThat(VOUCHING.vouch(facts(false, Optional.of("softfail"), INTERNET, List.of()))).isEmpty();
    }

    @Test
    void shouldNotVouchForMailFromATrustedNetworkAlone() {
        assertThat(VOUCHING.vouch(facts(false, Optional.empty(), FRONT_MX, List.of()))).isEmpty();
    }

    @Test
    void shouldVouchWhenAConfiguredFrontMxFoundSpfPassForThisSender() {
        assertThat(VOUCHING.vouch(facts(false, Optional.empty(), FRONT_MX,
            List.of("mx.front.example; spf=pass smtp.mailfrom=" + SENDER)))).contains(Voucher.UPSTREAM_SPF_PASS);
    }

    @Test
    void shouldNotTrustAFrontMxVerdictOnMailThatDidNotComeFromIt() {
        assertThat(VOUCHING.vouch(facts(false, Optional.of("fail"), INTERNET,
            List.of("mx.front.example; spf=pass smtp.mailfrom=" + SENDER)))).isEmpty();
    }

    @Test
    void shouldNotTrustAnUnknownServersVerdict() {
        assertThat(VOUCHING.vouch(facts(false, Optional.empty(), FRONT_MX,
            List.of("mx.evil.example; spf=pass smtp.mailfrom=" + SENDER)))).isEmpty();
    }

    @Test
    void shouldNotTrustAFrontMxVerdictForAnotherSender() {
        assertThat(VOUCHING.vouch(facts(false, Optional.empty(), FRONT_MX,
            List.of("mx.front.example; spf=pass smtp.mailfrom=mallory@evil.example")))).isEmpty();
    }

    @Test
    void shouldReadOnlyTheTopmostFieldOfTheFrontMx() {
        assertThat(VOUCHING.vouch(facts(false, Optional.empty(), FRONT_MX, List.of(
            "mx.front.example; spf=fail smtp.mailfrom=" + SENDER,
            "mx.front.example; spf=pass smtp.mailfrom=" + SENDER)))).isEmpty();
    }

    @Test
    void shouldNeverVouchForANullSender() {
        assertThat(VOUCHING.vouch(new SenderFacts(Optional.empty(), true, Optional.of("pass"), INTERNET, List.of())))
            .isEmpty();
    }

    @Test
    void factsShouldBeReadFromTheMail() throws Exception {
        Mail mail = FakeMail.builder()
            .name("mail")
            .sender(SENDER)
            .recipient("bob@demo.test")
            .remoteAddr("10.0.0.25")
            .attribute(new Attribute(SpfAnnotator.RESULT_ATTRIBUTE, AttributeValue.of("none")))
            .mimeMessage(MimeMessageBuilder.mimeMessageBuilder()
                .addHeader("Authentication-Results", "mx.front.example; spf=pass smtp.mailfrom=" + SENDER)
                .setText("Hi"))
            .build();

        assertThat(VOUCHING.facts(mail)).isEqualTo(new SenderFacts(Optional.of(SENDER), false, Optional.of("none"),
            FRONT_MX, List.of("mx.front.example; spf=pass smtp.mailfrom=" + SENDER)));
        assertThat(VOUCHING.vouch(VOUCHING.facts(mail))).contains(Voucher.UPSTREAM_SPF_PASS);
    }

    private static SenderFacts facts(boolean authenticated, Optional<String> spf, Optional<InetAddress> client,
                                     List<String> authenticationResults) {
        return new SenderFacts(Optional.of(SENDER), authenticated, spf, client, authenticationResults);
    }

    private static Optional<InetAddress> address(String text) {
        return IpAddresses.parse(text);
    }
}
