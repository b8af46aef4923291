package org.hackablemail.plugin.email;

import java.util.ArrayList;
import java.util.List;

/**
 * The input of one {@code onEmail} call: the email as the plugin sees it, and its JSON within the sandbox's input
 * cap. When the message is too large, the body is cut and {@code bodyTruncated} set; when even the header and the
 * attachment list do not fit (a crafted message), their ends are left out too, and a problem says so.
 */
public record PluginInput(IncomingEmail email, byte[] json) {
    static final String INPUT_CUT = "input-cut";

    /** The email as is if its JSON fits the cap, else with as much of its body (then of its lists) as fits. */
    public static PluginInput fitted(IncomingEmail email, int maxInputBytes) {
        byte[] json = EmailJson.toJson(email);
        if (json.length <= maxInputBytes) {
            return new PluginInput(email, json);
        }
        String body = email.body() == null ? "" : email.body();
        IncomingEmail withoutBody = email.toBuilder().body("").bodyTruncated(true).build();
        int room = maxInputBytes - EmailJson.toJson(withoutBody).length;
        if (room < 0) {
            return withShorterLists(withoutBody, maxInputBytes);
        }
        IncomingEmail cut = withoutBody.toBuilder().body(body.substring(0, fittingPrefix(body, room))).build();
        return new PluginInput(cut, EmailJson.toJson(cut));
    }

    /**
     * The length of the longest prefix of {@code text} whose JSON string content takes at most {@code room} bytes, as
     * Jackson writes it: UTF-8, short escapes for quote, backslash and five controls, six-character unicode escapes for the other
     * controls and for lone surrogates. A surrogate pair is never cut in two.
     */
    static int fittingPrefix(String text, int room) {
        int used = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(i + 1));
            int bytes = pair ? 4 : jsonBytes(c);
            if (used + bytes > room) {
                break;
            }
            used += bytes;
            i += pair ? 2 : 1;
        }
        return i;
    }

    private static int jsonBytes(char c) {
        if (Character.isSurrogate(c)) {
            return 6;
        }
        if (c < 0x20) {
            return c == '\b' || c == '\t' || c == '\n' || c == '\f' || c == '\r' ? 2 : 6;
        }
        if (c == '"' || c == '\\') {
            return 2;
        }
        return c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
    }

    /** Halves the header and attachment lists until the JSON fits; nothing else of a crafted message is this large. */
    private static PluginInput withShorterLists(IncomingEmail email, int maxInputBytes) {
        List<IncomingEmail.Header> headers = email.headerList() == null ? List.of() : email.headerList();
        List<IncomingEmail.Attachment> attachments = email.attachments() == null ? List.of() : email.attachments();
        List<IncomingEmail.Problem> problems = new ArrayList<>(email.problems() == null ? List.of() : email.problems());
        problems.add(new IncomingEmail.Problem(INPUT_CUT, "1", "the message's header and attachment list do not fit the "
            + maxInputBytes + " bytes of a plugin's input: their ends are left out"));
        IncomingEmail shorter;
        byte[] json;
        do {
            headers = headers.subList(0, headers.size() / 2);
            attachments = attachments.subList(0, attachments.size() / 2);
            shorter = email.toBuilder().headerList(headers).attachments(attachments).problems(problems).build();
            json = EmailJson.toJson(shorter);
        } while (json.length > maxInputBytes && !(headers.isEmpty() && attachments.isEmpty()));
        return new PluginInput(shorter, json);
    }

}
