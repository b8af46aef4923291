package org.hackablemail.spf;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The {@code Authentication-Results} header field of RFC 8601 for SPF verdicts:
 * {@code authserv-id; spf=result smtp.mailfrom=address} (or {@code smtp.helo=name}), one result per verdict.
 */
public final class AuthenticationResultsHeader {
    public static final String NAME = "Authentication-Results";

    /** Leading comments and white space, then the authserv-id as a token or a quoted-string (RFC 8601 §2.2). */
    private static final Pattern AUTHSERV_ID = Pattern.compile(
        "(?:\\s|\\((?:[^()\\\\]|\\\\.)*\\))*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^\\s;()\"]+))", Pattern.DOTALL);

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
        return authservId(headerValue)
            .map(id -> id.toLowerCase(Locale.ROOT).equals(authservId.toLowerCase(Locale.ROOT)))
            .orElse(false);
    }

    private static Optional<String> authservId(String headerValue) {
        Matcher matcher = AUTHSERV_ID.matcher(headerValue);
        if (!matcher.lookingAt()) {
            return Optional.empty();
        }
        return Optional.of(matcher.group(1) != null ? matcher.group(1).replaceAll("\\\\(.)", "$1") : matcher.group(2));
    }
}
