package org.hackablemail.spf;

import java.net.InetAddress;
import java.time.Clock;
import java.util.Optional;

/**
 * Checks the MAIL FROM and HELO identities of an SMTP client (RFC 7208). Never throws for what DNS or a policy says:
 * every problem is a {@link SpfResult#TEMPERROR} or {@link SpfResult#PERMERROR} verdict.
 */
public final class SpfChecker {
    private static final String POSTMASTER = "postmaster";

    private final SpfDns dns;
    private final String receiver;
    private final Clock clock;

    /**
     * @param receiver the checking host's name, the value of {@code %{r}} in explanations
     */
    public SpfChecker(SpfDns dns, String receiver, Clock clock) {
        this.dns = dns;
        this.receiver = receiver;
        this.clock = clock;
    }

    public SpfChecker(SpfDns dns, String receiver) {
        this(dns, receiver, Clock.systemUTC());
    }

    /**
     * Checks the MAIL FROM identity; an empty {@code mailFrom} (the null reverse-path) checks {@code postmaster@<helo>}
     * (§2.4), and a missing local-part stands for "postmaster" (§4.3).
     */
    public SpfVerdict checkMailFrom(InetAddress clientIp, String mailFrom, String helo) {
        String sender = mailFrom.isEmpty() ? POSTMASTER + "@" + helo : mailFrom;
        if (sender.startsWith("@")) {
            sender = POSTMASTER + sender;
        }
        return check(Identity.MAILFROM, clientIp, sender, helo);
    }

    /** Checks the HELO identity (§2.3), as the sender {@code postmaster@<helo>}. */
    public SpfVerdict checkHelo(InetAddress clientIp, String helo) {
        return check(Identity.HELO, clientIp, POSTMASTER + "@" + helo, helo);
    }

    private SpfVerdict check(Identity identity, InetAddress clientIp, String sender, String helo) {
        String domain = DomainNames.withoutTrailingDot(sender.substring(sender.lastIndexOf('@') + 1));
        if (!sender.contains("@") || !DomainNames.isValid(domain)) {
            // §4.3: a malformed or single-label domain gives none without any DNS query.
            return new SpfVerdict(identity, SpfResult.NONE, clientIp, helo, sender, domain, Optional.empty(), Optional.empty(), Optional.empty());
        }
        Evaluation evaluation = new Evaluation(dns, clock, clientIp, sender, helo, receiver);
        try {
            Evaluation.Outcome outcome = evaluation.checkHost(domain);
            Optional<String> explanation = outcome.result() == SpfResult.FAIL ? evaluation.explanation(outcome) : Optional.empty();
            Optional<String> mechanism = outcome.result() == SpfResult.NONE ? Optional.empty() : Optional.of(outcome.mechanism());
            return new SpfVerdict(identity, outcome.result(), clientIp, helo, sender, domain, mechanism, Optional.empty(), explanation);
        } catch (SpfErrorException e) {
            return new SpfVerdict(identity, e.result(), clientIp, helo, sender, domain, Optional.empty(), Optional.of(e.getMessage()), Optional.empty());
        }
    }
}
