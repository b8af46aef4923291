package org.hackablemail.spf;

import java.util.StringJoiner;

/**
 * The {@code Received-SPF} header field of RFC 7208 §9.1: the result, a comment in the RFC's wording naming the
 * receiving host, then all the keys. The value is one line: nothing from the client or from DNS can add a line.
 */
public final class ReceivedSpfHeader {
    public static final String NAME = "Received-SPF";

    private ReceivedSpfHeader() {
    }

    /**
     * @param receiver the receiving host's name, for the comment and the {@code receiver} key
     */
    public static String value(SpfVerdict verdict, String receiver) {
        StringJoiner keys = new StringJoiner("; ");
        keys.add("client-ip=" + HeaderText.atomOrQuoted(IpAddresses.readable(verdict.clientIp())));
        keys.add("envelope-from=" + HeaderText.atomOrQuoted(verdict.envelopeFrom()));
        keys.add("helo=" + HeaderText.atomOrQuoted(verdict.helo()));
        keys.add("receiver=" + HeaderText.atomOrQuoted(receiver));
        keys.add("identity=" + verdict.identity().keyword());
        verdict.mechanism().ifPresent(mechanism -> keys.add("mechanism=" + HeaderText.atomOrQuoted(mechanism)));
        verdict.problem().ifPresent(problem -> keys.add("problem=" + HeaderText.problem(problem)));
        return verdict.result().keyword()
            + " (" + HeaderText.commentText(receiver + ": " + comment(verdict)) + ") "
            + keys;
    }

    private static String comment(SpfVerdict verdict) {
        String sender = verdict.envelopeFrom();
        String client = IpAddresses.readable(verdict.clientIp());
        return switch (verdict.result()) {
            case PASS -> "domain of " + sender + " designates " + client + " as permitted sender";
            case FAIL -> "domain of " + sender + " does not designate " + client + " as permitted sender";
            case SOFTFAIL -> "domain of transitioning " + sender + " does not designate " + client + " as permitted sender";
            case NEUTRAL -> client + " is neither permitted nor denied by domain of " + sender;
            case NONE -> "domain of " + sender + " does not designate permitted sender hosts";
            case TEMPERROR -> "temporary error evaluating the SPF policy of " + verdict.domain();
            case PERMERROR -> "permanent error in the SPF policy of " + verdict.domain();
        };
    }
}
