package org.hackablemail.plugins;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.mailet.AttributeUtils;
import org.apache.mailet.Mail;
import org.hackablemail.mailets.SpfAnnotator;
import org.hackablemail.spf.AuthenticationResults;
import org.hackablemail.spf.AuthenticationResultsHeader;
import org.hackablemail.spf.IpAddresses;
import org.hackablemail.spf.Network;

/**
 * Whether the server can vouch for the envelope sender of a mail: only such a sender may get what a plugin sends
 * back (a reply or a bounce), so that a forged MAIL FROM cannot make this server mail a stranger (backscatter).
 * A sender is vouched for when it authenticated over SMTP, when {@link SpfAnnotator} found SPF {@code pass}, or when
 * a front MX did: an {@code Authentication-Results} field with {@code spf=pass} for this sender, written by a server
 * whose authserv-id is configured, on mail that came from that server's networks. Coming from a trusted network
 * alone vouches for nothing.
 *
 * @param upstreamAuthservIds the front MXes' authserv-ids, lower-case; they must remove such fields from the mail
 *                            they receive (RFC 8601 §5)
 * @param upstreamNetworks    where the front MXes connect from
 */
public record SenderVouching(Set<String> upstreamAuthservIds, List<Network> upstreamNetworks) {
    public static final SenderVouching LOCAL_EVIDENCE_ONLY = new SenderVouching(Set.of(), List.of());

    /** Why the sender is vouched for. */
    public enum Voucher {
        AUTHENTICATED, SPF_PASS, UPSTREAM_SPF_PASS
    }

    /** What is known of a mail's sender, read from the mail. */
    public record SenderFacts(Optional<String> envelopeSender, boolean authenticated, Optional<String> spfResult,
                              Optional<InetAddress> client, List<String> authenticationResults) {
    }

    public SenderVouching {
        upstreamAuthservIds = upstreamAuthservIds.stream().map(id -> id.toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());
        upstreamNetworks = List.copyOf(upstreamNetworks);
    }

    /** @return empty when nothing vouches for the sender (a null sender never is) */
    public Optional<Voucher> vouch(SenderFacts facts) {
        if (facts.envelopeSender().isEmpty()) {
            return Optional.empty();
        }
        if (facts.authenticated()) {
            return Optional.of(Voucher.AUTHENTICATED);
        }
        if (facts.spfResult().filter("pass"::equals).isPresent()) {
            return Optional.of(Voucher.SPF_PASS);
        }
        if (fromUpstream(facts) && upstreamSpfPass(facts)) {
            return Optional.of(Voucher.UPSTREAM_SPF_PASS);
        }
        return Optional.empty();
    }

    /** Reads what {@link #vouch} needs; the message's header is read only when a front MX is configured. */
    public SenderFacts facts(Mail mail) throws MessagingException {
        List<String> results = upstreamAuthservIds.isEmpty() ? List.of()
            : Optional.ofNullable(mail.getMessage().getHeader(AuthenticationResultsHeader.NAME))
                .map(Arrays::asList).orElse(List.of());
        return new SenderFacts(
            mail.getMaybeSender().asOptional().map(MailAddress::asString),
            mail.getAttribute(Mail.SMTP_AUTH_USER).isPresent(),
            AttributeUtils.getValueAndCastFromMail(mail, SpfAnnotator.RESULT_ATTRIBUTE, String.class),
            Optional.ofNullable(mail.getRemoteAddr()).flatMap(IpAddresses::parse),
            results);
    }

    private boolean fromUpstream(SenderFacts facts) {
        return facts.client().filter(client -> upstreamNetworks.stream().anyMatch(network -> network.contains(client)))
            .isPresent();
    }

    /** The topmost field of a configured front MX is the one it wrote (it removed older ones claiming its name). */
    private boolean upstreamSpfPass(SenderFacts facts) {
        return facts.authenticationResults().stream()
            .map(AuthenticationResults::parse)
            .flatMap(Optional::stream)
            .filter(results -> upstreamAuthservIds.contains(results.authservId().toLowerCase(Locale.ROOT)))
            .findFirst()
            .filter(results -> results.spfPassedFor(facts.envelopeSender().orElseThrow()))
            .isPresent();
    }
}
