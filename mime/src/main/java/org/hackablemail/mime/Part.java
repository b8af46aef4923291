package org.hackablemail.mime;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One entity of a message: the message itself, a multipart, an enclosed message, or a leaf.
 *
 * @param id               its position: {@code 1} is the message, {@code 1.2} the second part of the message's
 *                         multipart, {@code 1.2.1} the first part within that (an enclosed message is the single
 *                         child of its {@code message/rfc822} part)
 * @param depth            0 for the message, one more at each level
 * @param kind             what the snapshot made of it
 * @param headers          its header fields, in order, as far as kept
 * @param mimeType         its lower-cased media type as mime4j resolved it ({@code text/plain} when absent)
 * @param charset          the charset mime4j resolved ({@code us-ascii} for text without one), or null
 * @param transferEncoding its lower-cased transfer encoding ({@code 7bit} when absent)
 * @param filename         the file name it declares (Content-Disposition, else Content-Type {@code name}), decoded
 * @param attachment       whether its Content-Disposition is {@code attachment}
 * @param size             decoded bytes of a leaf or an opaque part; for a container, the total of its leaves
 * @param text             the text of a text part, when kept
 */
public record Part(String id, int depth, Kind kind, List<HeaderField> headers, String mimeType, String charset,
                   String transferEncoding, String filename, boolean attachment, long size, PartText text) {

    /** What the snapshot made of a part. */
    public enum Kind {
        /** A multipart: its parts follow it. */
        MULTIPART,
        /** A {@code message/rfc822} part: the enclosed message follows it. */
        MESSAGE,
        /** A part with content. */
        LEAF,
        /** A multipart or enclosed message that was not parsed (too deep, or after too many parts): its raw content. */
        OPAQUE
    }

    public Part {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(transferEncoding, "transferEncoding");
        headers = List.copyOf(headers);
    }

    public Optional<PartText> textContent() {
        return Optional.ofNullable(text);
    }

    /** Whether the part is text meant to be read as the message: a {@code text/plain} or {@code text/html} leaf, inline. */
    public boolean isInlineText() {
        return kind == Kind.LEAF && !attachment && filename == null
            && (mimeType.equals("text/plain") || mimeType.equals("text/html"));
    }

    /**
     * Whether a reader should list it as an attachment: every leaf or opaque part except the inline text, so that
     * nothing the message carries goes unseen (a named file, an inline image, a part of unknown type).
     */
    public boolean isAttachment() {
        return (kind == Kind.LEAF || kind == Kind.OPAQUE) && !isInlineText()
            || kind == Kind.MESSAGE && (attachment || filename != null);
    }
}
