package org.hackablemail.spf;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The {@code Authentication-Results} header field of RFC 8601 for SPF verdicts:
 * {@code authserv-id; spf=result smtp.mailfrom=address} (or {@code smtp.helo=name}), one result per verdict.
 */
public final class AuthenticationResultsHeader {
    public static final String NAME = "Authentication-Results";

    private AuthenticationResultsHeader() {
    }

    /** @param verdicts at least one */
    public static String value(String authservId, List<SpfVerdict> verdicts) {
        if (verdicts.isEmpty()) {
            throw new IllegalArgumentException("An Authentication-Results field needs at least one SPF verdict");
        }
        return verdicts.stream()
            .map(AuthenticationResultsHeader::result)
            .collect(Collectors.joining("; ", HeaderText.atomOrQuoted(authservId) + "; ", ""));
    }

    private static String result(SpfVerdict verdict) {
        String identity = verdict.identity() == Identity.HELO ? verdict.helo() : verdict.envelopeFrom();
        String reason = verdict.problem().map(problem -> " reason=" + HeaderText.problem(problem)).orElse("");
        return "spf=" + verdict.result().keyword() + reason
            + " " + verdict.identity().authenticationResultsProperty() + "=" + HeaderText.addressOrQuoted(identity);
    }

    /**
     * Whether an existing header field value claims to come from {@code authservId}: such fields in incoming mail
     * are forgeries and must be removed (RFC 8601 §5).
     */
    public static boolean claims(String headerValue, String authservId) {
        return AuthenticationResults.parse(headerValue)
            .map(parsed -> parsed.authservId().toLowerCase(Locale.ROOT).equals(authservId.toLowerCase(Locale.ROOT)))
            .orElse(false);
    }
}
