package org.hackablemail.plugin.email;

/**
 * The input of one {@code onEmail} call: the email as the plugin sees it, and its JSON within the sandbox's input
 * cap. When the message is too large, the body is cut and {@code bodyTruncated} set.
 */
public record PluginInput(IncomingEmail email, byte[] json) {

    /** The email as is if its JSON fits the cap, else with as much of its body as fits. */
    public static PluginInput fitted(IncomingEmail email, int maxInputBytes) {
        byte[] json = EmailJson.toJson(email);
        String body = email.body();
        int keep = body.length();
        while (json.length > maxInputBytes && keep > 0) {
            // Escaping makes JSON bytes and body characters differ: shrink by the excess and measure again.
            keep = Math.max(0, Math.min(keep - 1, keep - (json.length - maxInputBytes)));
            email = withBody(email, body.substring(0, safeEnd(body, keep)));
            json = EmailJson.toJson(email);
        }
        return new PluginInput(email, json);
    }

    private static IncomingEmail withBody(IncomingEmail email, String body) {
        return new IncomingEmail(email.sender(), email.receiver(), email.headers(), body, email.messageId(),
            email.subject(), email.headerList(), email.attachments(), email.spam(), email.spf(), email.remoteIp(),
            email.size(), true, email.receivedAt());
    }

    /** Never cut a surrogate pair in two. */
    private static int safeEnd(String text, int end) {
        return end > 0 && Character.isHighSurrogate(text.charAt(end - 1)) ? end - 1 : end;
    }
}
