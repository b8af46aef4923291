package org.hackablemail.plugin.email;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The input of a plugin's {@code onEmail} export and of its {@code deliver} import, as {@code pdk/schema.yaml}
 * defines it. The four properties of the XTP demo come first; the others are read-only extras that
 * XTP-generated PDKs ignore. Absent values are left out of the JSON.
 *
 * <p>When it comes back through {@code deliver}, only {@link #headers} and {@link #body} are meaningful: the
 * envelope can never be changed by a plugin.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record IncomingEmail(
        String sender,
        String receiver,
        Map<String, String> headers,
        String body,
        String messageId,
        String subject,
        List<Header> headerList,
        List<Attachment> attachments,
        SpamResult spam,
        SpfResult spf,
        String remoteIp,
        Long size,
        Boolean bodyTruncated,
        Long receivedAt) {

    /** The XTP demo's four properties only. */
    public static IncomingEmail of(String sender, String receiver, Map<String, String> headers, String body) {
        return new IncomingEmail(sender, receiver, headers, body,
            null, null, null, null, null, null, null, null, null, null);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Header(String name, String value) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Attachment(String name, String type, long size) {
    }

    public record SpamResult(String verdict, double score) {
    }

    public record SpfResult(String result) {
    }
}
