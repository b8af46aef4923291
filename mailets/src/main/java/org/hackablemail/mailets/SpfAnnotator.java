package org.hackablemail.mailets;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeUtils;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.hackablemail.message.TopHeaderFields;
import org.hackablemail.metrics.BundleMetrics;
import org.hackablemail.spf.AuthenticationResultsHeader;
import org.hackablemail.spf.BudgetedSpfDns;
import org.hackablemail.spf.IpAddresses;
import org.hackablemail.spf.ReceivedSpfHeader;
import org.hackablemail.spf.SpfChecker;
import org.hackablemail.spf.SpfDns;
import org.hackablemail.spf.SpfVerdict;
import org.hackablemail.spf.dnsjava.DnsjavaSpfDns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks SPF (RFC 7208) for mail received over SMTP from a remote client and records the result.
 *
 * <p>The MAIL FROM identity is checked with the client address, the HELO name and the envelope sender of the
 * {@link Mail}; a null sender is checked as {@code postmaster@<helo>}. With {@code checkHelo} the HELO identity is
 * checked as well. The mailet prepends a {@code Received-SPF} field (RFC 7208 §9.1) per identity and one
 * {@code Authentication-Results} field (RFC 8601) above all existing fields, removes incoming
 * {@code Authentication-Results} fields that claim to come from {@code receiver}, and sets the attribute
 * {@value #RESULT_ATTRIBUTE_NAME} to the MAIL FROM result ({@code pass}, {@code fail}, {@code softfail},
 * {@code neutral}, {@code none}, {@code temperror}, {@code permerror}); match on it with {@code SpfResultIs}.</p>
 *
 * <p>Mail from a trusted network and mail from SMTP-authenticated senders is left alone: SPF judges the last
 * Internet hop, which they are not. DNS failures and an exhausted time budget give {@code temperror}.</p>
 *
 * <pre><code>
 * &lt;mailet match="All" class="org.hackablemail.mailets.SpfAnnotator"&gt;
 *   &lt;receiver&gt;mx.example.org&lt;/receiver&gt;              &lt;!-- required: authserv-id and receiver --&gt;
 *   &lt;checkHelo&gt;false&lt;/checkHelo&gt;
 *   &lt;trustedNetworks&gt;127.0.0.0/8, 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, ::1, fc00::/7&lt;/trustedNetworks&gt;
 *   &lt;dnsServers&gt;&lt;/dnsServers&gt;                      &lt;!-- empty: those of dnsservice.xml --&gt;
 *   &lt;dnsTimeoutMillis&gt;3000&lt;/dnsTimeoutMillis&gt;      &lt;!-- per DNS query --&gt;
 *   &lt;budgetMillis&gt;20000&lt;/budgetMillis&gt;              &lt;!-- per message, all queries --&gt;
 * &lt;/mailet&gt;
 * </code></pre>
 */
public class SpfAnnotator extends GenericMailet {
    public static final String RESULT_ATTRIBUTE_NAME = "hackablemail.spf.result";
    public static final AttributeName RESULT_ATTRIBUTE = AttributeName.of(RESULT_ATTRIBUTE_NAME);

    private static final Logger LOGGER = LoggerFactory.getLogger(SpfAnnotator.class);

    private final Optional<SpfDns> givenDns;
    private final BundleMetrics metrics;
    private SpfAnnotatorSettings settings;
    private SpfDns dns;

    /**
     * Queries DNS through dnsjava as configured by the {@code dnsServers} and {@code dnsTimeoutMillis} parameters;
     * counts results as {@code hackablemail.spf.result.<result>} and unchecked mail as {@code hackablemail.spf.skipped}.
     */
    @Inject
    public SpfAnnotator(BundleMetrics metrics) {
        this.givenDns = Optional.empty();
        this.metrics = metrics;
    }

    /** Queries {@code dns} instead, for tests; the DNS parameters are still validated. */
    SpfAnnotator(SpfDns dns, BundleMetrics metrics) {
        this.givenDns = Optional.of(dns);
        this.metrics = metrics;
    }

    @Override
    public void init() throws MessagingException {
        checkInitParameters(SpfAnnotatorSettings.PARAMETERS);
        settings = SpfAnnotatorSettings.parse(getMailetConfig());
        dns = givenDns.orElseGet(this::dnsjava);
    }

    private SpfDns dnsjava() {
        if (settings.dnsServers().isEmpty()) {
            return DnsjavaSpfDns.usingDefaultResolver(settings.dnsTimeout());
        }
        return DnsjavaSpfDns.usingServers(settings.dnsServers(), settings.dnsTimeout());
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        Optional<InetAddress> client = Optional.ofNullable(mail.getRemoteAddr()).flatMap(IpAddresses::parse);
        if (client.isEmpty() || settings.isTrusted(client.get()) || isAuthenticated(mail)) {
            metrics.counter("hackablemail.spf.skipped").increment();
            return;
        }
        List<SpfVerdict> verdicts = check(mail, client.get());
        metrics.counter("hackablemail.spf.result." + BundleMetrics.part(verdicts.get(0).result().keyword())).increment();
        List<String> topLines = new ArrayList<>();
        for (SpfVerdict verdict : verdicts) {
            topLines.add(ReceivedSpfHeader.NAME + ": " + ReceivedSpfHeader.value(verdict, settings.receiver()));
        }
        topLines.add(AuthenticationResultsHeader.NAME + ": " + AuthenticationResultsHeader.value(settings.receiver(), verdicts));
        TopHeaderFields.put(mail, topLines, (name, value) -> name.equalsIgnoreCase(AuthenticationResultsHeader.NAME)
            && AuthenticationResultsHeader.claims(value.get(), settings.receiver()));
        mail.setAttribute(new Attribute(RESULT_ATTRIBUTE, AttributeValue.of(verdicts.get(0).result().keyword())));
    }

    /** The MAIL FROM verdict first, then the HELO one when configured; all under one time budget. */
    private List<SpfVerdict> check(Mail mail, InetAddress client) {
        String helo = AttributeUtils.getValueAndCastFromMail(mail, Mail.SMTP_HELO, String.class)
            .orElseGet(() -> Optional.ofNullable(mail.getRemoteHost()).orElse(""));
        String sender = mail.getMaybeSender().asOptional().map(MailAddress::asString).orElse("");
        SpfChecker checker = new SpfChecker(BudgetedSpfDns.startingNow(dns, settings.budget()), settings.receiver());
        List<SpfVerdict> verdicts = new ArrayList<>();
        verdicts.add(checker.checkMailFrom(client, sender, helo));
        if (settings.checkHelo()) {
            verdicts.add(checker.checkHelo(client, helo));
        }
        LOGGER.debug("SPF for mail {} from {} (helo {}, client {}): {}", mail.getName(), sender, helo, client, verdicts);
        return verdicts;
    }

    private static boolean isAuthenticated(Mail mail) {
        return mail.getAttribute(Mail.SMTP_AUTH_USER).isPresent();
    }

    @Override
    public String getMailetInfo() {
        return "SpfAnnotator: RFC 7208 SPF check adding Received-SPF and Authentication-Results";
    }
}
