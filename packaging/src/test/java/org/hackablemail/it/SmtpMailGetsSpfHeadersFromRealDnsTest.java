package org.hackablemail.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hackablemail.it.HackableMailServerContract.AWAIT;
import static org.hackablemail.it.SpfTestInternet.DENIED_BY_SHOP;
import static org.hackablemail.it.SpfTestInternet.HELO;
import static org.hackablemail.it.SpfTestInternet.MX_HOST_OF_SHOP;
import static org.hackablemail.it.SpfTestInternet.NEUTRAL_FOR_SHOP;
import static org.hackablemail.it.SpfTestInternet.SENDER_WITHOUT_POLICY;
import static org.hackablemail.it.SpfTestInternet.SENDER_WITH_UNREACHABLE_DNS;
import static org.hackablemail.it.SpfTestInternet.SHOP_SENDER;
import static org.hackablemail.it.SpfTestInternet.SOFTFAILED_BY_SHOP;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.james.JamesServerExtension;
import org.apache.james.utils.TestIMAPClient;
import org.hackablemail.launcher.DemoUsers;
import org.hackablemail.launcher.WebAdminClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * James with the demo's mailet chain, resolving through a real DNS server on loopback and trusting no network: mail
 * sent over SMTP from different loopback addresses gets the SPF verdict of the sender domain's records, as
 * {@code Received-SPF} and {@code Authentication-Results} header fields read back over IMAP.
 */
class SmtpMailGetsSpfHeadersFromRealDnsTest {
    private static final InProcessJames JAMES = new InProcessJames(conf -> SpfTestInternet.configure(conf).write());
    private static final String RECIPIENT_DOMAIN = "@" + DemoUsers.DOMAIN;

    @RegisterExtension
    static SpfTestInternet internet = new SpfTestInternet();

    @RegisterExtension
    static JamesServerExtension server = JAMES.extension();

    @BeforeAll
    static void createRecipients() throws Exception {
        WebAdminClient webAdmin = WebAdminClient.onLoopback(JAMES.ports().webAdmin(), JAMES.adminToken());
        for (String result : List.of("pass", "fail", "softfail", "neutral", "none", "temperror", "forged")) {
            webAdmin.upsertUser(result + RECIPIENT_DOMAIN, DemoUsers.PASSWORD);
        }
    }

    static Stream<Arguments> clientsAndSenders() {
        return Stream.of(
            arguments("pass", MX_HOST_OF_SHOP, SHOP_SENDER,
                "pass (mx.demo.test: domain of news@shop.test designates 127.0.0.2 as permitted sender) client-ip=127.0.0.2;"
                    + " envelope-from=\"news@shop.test\"; helo=client.outside.test; receiver=mx.demo.test; identity=mailfrom;"
                    + " mechanism=mx"),
            arguments("fail", DENIED_BY_SHOP, SHOP_SENDER,
                "fail (mx.demo.test: domain of news@shop.test does not designate 127.0.0.5 as permitted sender)"
                    + " client-ip=127.0.0.5; envelope-from=\"news@shop.test\"; helo=client.outside.test; receiver=mx.demo.test;"
                    + " identity=mailfrom; mechanism=-all"),
            arguments("softfail", SOFTFAILED_BY_SHOP, SHOP_SENDER,
                "softfail (mx.demo.test: domain of transitioning news@shop.test does not designate 127.0.0.3 as permitted"
                    + " sender) client-ip=127.0.0.3; envelope-from=\"news@shop.test\"; helo=client.outside.test;"
                    + " receiver=mx.demo.test; identity=mailfrom; mechanism=\"~ip4:127.0.0.3\""),
            arguments("neutral", NEUTRAL_FOR_SHOP, SHOP_SENDER,
                "neutral (mx.demo.test: 127.0.0.4 is neither permitted nor denied by domain of news@shop.test)"
                    + " client-ip=127.0.0.4; envelope-from=\"news@shop.test\"; helo=client.outside.test; receiver=mx.demo.test;"
                    + " identity=mailfrom; mechanism=\"?ip4:127.0.0.4\""),
            arguments("none", "127.0.0.6", SENDER_WITHOUT_POLICY,
                "none (mx.demo.test: domain of info@no-policy.test does not designate permitted sender hosts)"
                    + " client-ip=127.0.0.6; envelope-from=\"info@no-policy.test\"; helo=client.outside.test;"
                    + " receiver=mx.demo.test; identity=mailfrom"));
    }

    @ParameterizedTest(name = "{0} for {2} from {1}")
    @MethodSource("clientsAndSenders")
    void shouldPrependTheVerdictOfTheSenderDomainWhenMailComesFromAnUntrustedClient(
        String result, String client, String sender, String receivedSpf) throws Exception {
        List<String> fields = sendAndReadHeaderFields(client, sender, result + RECIPIENT_DOMAIN, "");

        assertThat(values(fields, "Received-SPF")).containsExactly(receivedSpf);
        assertThat(values(fields, "Authentication-Results"))
            .containsExactly("mx.demo.test; spf=" + result + " smtp.mailfrom=" + sender);
        assertThat(names(fields)).containsSubsequence("Received-SPF", "Authentication-Results", "Received", "Subject");
    }

    @Test
    void shouldRecordTemperrorWhenTheSenderDomainsDnsServerNeverAnswers() throws Exception {
        List<String> fields = sendAndReadHeaderFields("127.0.0.7", SENDER_WITH_UNREACHABLE_DNS,
            "temperror" + RECIPIENT_DOMAIN, "");

        assertThat(values(fields, "Received-SPF")).singleElement().asString()
            .startsWith("temperror (mx.demo.test: temporary error evaluating the SPF policy of unreachable.test)"
                + " client-ip=127.0.0.7; envelope-from=\"info@unreachable.test\"; helo=client.outside.test;"
                + " receiver=mx.demo.test; identity=mailfrom; problem=")
            .contains("no answer within");
        assertThat(values(fields, "Authentication-Results")).singleElement().asString()
            .startsWith("mx.demo.test; spf=temperror reason=")
            .endsWith(" smtp.mailfrom=info@unreachable.test");
    }

    @Test
    void shouldRemoveIncomingAuthenticationResultsWhenTheyClaimThisReceiver() throws Exception {
        String forged = "mx.demo.test; spf=pass smtp.mailfrom=news@shop.test";
        String otherServers = "relay.shop.test; spf=pass smtp.mailfrom=news@shop.test";

        List<String> fields = sendAndReadHeaderFields(DENIED_BY_SHOP, SHOP_SENDER, "forged" + RECIPIENT_DOMAIN,
            "Authentication-Results: " + forged + "\r\nAuthentication-Results: " + otherServers + "\r\n");

        assertThat(values(fields, "Authentication-Results"))
            .containsExactly("mx.demo.test; spf=fail smtp.mailfrom=news@shop.test", otherServers);
    }

    /** The header fields of the message as the recipient reads it over IMAP, unfolded, in order. */
    private static List<String> sendAndReadHeaderFields(String client, String sender, String recipient, String extraFields)
        throws Exception {
        new LoopbackSmtpClient(client, HELO).send(JAMES.ports().smtp(), sender, recipient,
            extraFields + "From: " + sender + "\r\nTo: " + recipient + "\r\nSubject: SPF from " + client + "\r\n\r\nHello\r\n");
        try (TestIMAPClient imap = new TestIMAPClient()) {
            imap.connect("127.0.0.1", JAMES.ports().imap())
                .login(recipient, DemoUsers.PASSWORD)
                .select(TestIMAPClient.INBOX)
                .awaitMessage(AWAIT);
        }
        return headerFields(Mailboxes.readFirstMessageHeader(JAMES.ports().imap(), recipient, TestIMAPClient.INBOX));
    }

    /** The fields of an IMAP {@code FETCH (BODY.PEEK[HEADER])} reply: its literal, after the first line, to the empty line. */
    private static List<String> headerFields(String fetchReply) {
        String header = fetchReply.substring(fetchReply.indexOf("\r\n") + 2);
        String unfolded = header.substring(0, header.indexOf("\r\n\r\n")).replaceAll("\r\n[ \t]+", " ");
        return List.of(unfolded.split("\r\n"));
    }

    private static List<String> names(List<String> fields) {
        return fields.stream().map(field -> field.substring(0, field.indexOf(':'))).toList();
    }

    private static List<String> values(List<String> fields, String name) {
        List<String> values = new ArrayList<>();
        for (String field : fields) {
            if (field.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                values.add(field.substring(name.length() + 1).trim());
            }
        }
        return values;
    }
}
