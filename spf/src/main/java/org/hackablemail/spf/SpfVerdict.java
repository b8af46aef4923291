package org.hackablemail.spf;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of checking one identity, with what the headers report about it.
 *
 * @param identity     which identity was checked
 * @param result       the RFC 7208 result
 * @param clientIp     the SMTP client's address
 * @param helo         the HELO/EHLO name the client gave
 * @param envelopeFrom the address checked: the MAIL FROM, or {@code postmaster@<helo>} for a null sender or a HELO check
 * @param domain       the domain whose policy was evaluated
 * @param mechanism    the directive that matched, or "default"; absent for none and for errors
 * @param problem      what went wrong, for permerror and temperror
 * @param explanation  the domain's explanation (exp=) of a fail; absent means the receiver's default applies
 */
public record SpfVerdict(Identity identity, SpfResult result, InetAddress clientIp, String helo, String envelopeFrom,
                         String domain, Optional<String> mechanism, Optional<String> problem, Optional<String> explanation) {
    public SpfVerdict {
        Objects.requireNonNull(identity);
        Objects.requireNonNull(result);
        Objects.requireNonNull(clientIp);
        Objects.requireNonNull(helo);
        Objects.requireNonNull(envelopeFrom);
        Objects.requireNonNull(domain);
        Objects.requireNonNull(mechanism);
        Objects.requireNonNull(problem);
        Objects.requireNonNull(explanation);
    }
}
