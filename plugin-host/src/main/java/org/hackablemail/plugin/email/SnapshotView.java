package org.hackablemail.plugin.email;

import java.util.List;
import java.util.Locale;

import org.hackablemail.mime.HeaderField;
import org.hackablemail.mime.MessageSnapshot;
import org.hackablemail.mime.Part;
import org.hackablemail.mime.PartText;

/**
 * What a plugin sees of a message, envelope aside, from the message's snapshot: its text (text/plain, else the text
 * of the HTML), every attachment, what could not be read, and the header fields given, decoded. The header is given
 * apart because it may have changed since the snapshot was taken (a mail server adds SPF and spam fields): a plugin
 * sees the current one.
 */
public final class SnapshotView {
    private SnapshotView() {
    }

    /** The email's content properties; the caller adds the envelope and what its server knows. */
    public static IncomingEmail.Builder of(MessageSnapshot snapshot, List<HeaderField> header) {
        List<IncomingEmail.Header> headerList = header.stream()
            .map(field -> new IncomingEmail.Header(field.name(), field.value()))
            .toList();
        boolean cut = snapshot.bodyPart().flatMap(Part::textContent).map(PartText::cut).orElse(false);
        return IncomingEmail.builder()
            .headerList(headerList)
            .subject(first(header, "Subject", ""))
            .messageId(messageId(header))
            .body(snapshot.bodyText())
            .bodyTruncated(cut ? Boolean.TRUE : null)
            .attachments(snapshot.attachments().stream()
                .map(part -> new IncomingEmail.Attachment(part.filename(), part.mimeType(), part.size()))
                .toList())
            .problems(snapshot.problems().stream()
                .map(problem -> new IncomingEmail.Problem(problem.code().label(), problem.part(), problem.detail()))
                .toList());
    }

    /** The message's own header, as the snapshot read it. */
    public static IncomingEmail.Builder of(MessageSnapshot snapshot) {
        return of(snapshot, snapshot.headers());
    }

    /** {@code Message-ID} without its angle brackets, or null. */
    private static String messageId(List<HeaderField> header) {
        String value = first(header, "Message-ID", null);
        if (value == null) {
            return null;
        }
        String id = value.strip();
        return id.startsWith("<") && id.endsWith(">") && id.length() > 1 ? id.substring(1, id.length() - 1) : id;
    }

    private static String first(List<HeaderField> header, String name, String absent) {
        String lowerCase = name.toLowerCase(Locale.ROOT);
        return header.stream().filter(field -> field.name().toLowerCase(Locale.ROOT).equals(lowerCase))
            .map(HeaderField::value).findFirst().orElse(absent);
    }
}
