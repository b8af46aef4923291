package org.hackablemail.plugin.email;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The input of a plugin's {@code onEmail} export and of its {@code deliver} import, as {@code pdk/schema.yaml}
 * defines it. The four properties of the XTP demo come first; the others are read-only extras that
 * XTP-generated PDKs ignore. Absent values are left out of the JSON. Built with {@link #builder()} or, changing
 * a few properties of one, {@link #toBuilder()}.
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
        List<Problem> problems,
        SpamResult spam,
        SpfResult spf,
        String remoteIp,
        Long size,
        Boolean bodyTruncated,
        Long receivedAt) {

    /** The XTP demo's four properties only. */
    public static IncomingEmail of(String sender, String receiver, Map<String, String> headers, String body) {
        return builder().sender(sender).receiver(receiver).headers(headers).body(body).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Header(String name, String value) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Attachment(String name, String type, long size) {
    }

    /**
     * What could not be read of the message, so that a plugin can treat damaged mail as suspicious.
     *
     * @param code   what went wrong, e.g. {@code unknown-charset}, {@code bad-base64}, {@code too-deep}
     * @param part   which part: {@code 1} is the message, {@code 1.2} its second part
     * @param detail a sentence for people
     */
    public record Problem(String code, String part, String detail) {
    }

    public record SpamResult(String verdict, double score) {
    }

    public record SpfResult(String result) {
    }

    /** Builds an {@link IncomingEmail}; properties left unset are absent from the JSON. */
    public static final class Builder {
        private String sender;
        private String receiver;
        private Map<String, String> headers;
        private String body;
        private String messageId;
        private String subject;
        private List<Header> headerList;
        private List<Attachment> attachments;
        private List<Problem> problems;
        private SpamResult spam;
        private SpfResult spf;
        private String remoteIp;
        private Long size;
        private Boolean bodyTruncated;
        private Long receivedAt;

        private Builder() {
        }

        private Builder(IncomingEmail email) {
            sender = email.sender;
            receiver = email.receiver;
            headers = email.headers;
            body = email.body;
            messageId = email.messageId;
            subject = email.subject;
            headerList = email.headerList;
            attachments = email.attachments;
            problems = email.problems;
            spam = email.spam;
            spf = email.spf;
            remoteIp = email.remoteIp;
            size = email.size;
            bodyTruncated = email.bodyTruncated;
            receivedAt = email.receivedAt;
        }

        public Builder sender(String sender) {
            this.sender = sender;
            return this;
        }

        public Builder receiver(String receiver) {
            this.receiver = receiver;
            return this;
        }

        /** The header as the XTP schema has it: name to value. */
        public Builder headers(Map<String, String> headers) {
            this.headers = headers;
            return this;
        }

        /** Every field in order, and {@code headers} from them: for a repeated name, its first occurrence. */
        public Builder headerList(List<Header> headerList) {
            this.headerList = List.copyOf(headerList);
            Map<String, String> byName = new LinkedHashMap<>();
            headerList.forEach(header -> byName.putIfAbsent(header.name(), header.value()));
            this.headers = Collections.unmodifiableMap(byName);
            return this;
        }

        public Builder body(String body) {
            this.body = body;
            return this;
        }

        public Builder messageId(String messageId) {
            this.messageId = messageId;
            return this;
        }

        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        public Builder attachments(List<Attachment> attachments) {
            this.attachments = List.copyOf(attachments);
            return this;
        }

        public Builder problems(List<Problem> problems) {
            this.problems = List.copyOf(problems);
            return this;
        }

        public Builder spam(SpamResult spam) {
            this.spam = spam;
            return this;
        }

        public Builder spf(SpfResult spf) {
            this.spf = spf;
            return this;
        }

        public Builder remoteIp(String remoteIp) {
            this.remoteIp = remoteIp;
            return this;
        }

        public Builder size(Long size) {
            this.size = size;
            return this;
        }

        public Builder bodyTruncated(Boolean bodyTruncated) {
            this.bodyTruncated = bodyTruncated;
            return this;
        }

        public Builder receivedAt(Long receivedAt) {
            this.receivedAt = receivedAt;
            return this;
        }

        public IncomingEmail build() {
            return new IncomingEmail(sender, receiver, headers, body, messageId, subject, headerList, attachments,
                problems, spam, spf, remoteIp, size, bodyTruncated, receivedAt);
        }
    }
}
