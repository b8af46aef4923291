package org.hackablemail.mime;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * One reading of a message, taken once and shared by every reader (the spam tokenizer, the plugins' view): its header,
 * its parts in document order with the text of each text part, and the problems met. Taking it reads the whole message
 * once, streaming, in time linear in its size; what it keeps is bounded by {@link MimeLimits}. It never fails because
 * of what the message holds: what cannot be read is left out and named in {@link #problems()}.
 */
public final class MessageSnapshot {
    private final List<Part> parts;
    private final List<Problem> problems;
    private final long size;
    private final long keptChars;
    private final Part body;

    MessageSnapshot(List<Part> parts, List<Problem> problems, long size, long keptChars, Part body) {
        this.parts = List.copyOf(parts);
        this.problems = List.copyOf(problems);
        this.size = size;
        this.keptChars = keptChars;
        this.body = body;
    }

    /**
     * Reads the message from the stream, to its end.
     *
     * @throws IOException only when the stream itself fails; malformed content is never an error
     */
    public static MessageSnapshot read(InputStream message, MimeLimits limits) throws IOException {
        return new SnapshotReader(limits).read(message);
    }

    public static MessageSnapshot of(byte[] message, MimeLimits limits) {
        try {
            return read(new ByteArrayInputStream(message), limits);
        } catch (IOException e) {
            throw new UncheckedIOException("A byte array cannot fail to be read", e);
        }
    }

    public static MessageSnapshot of(byte[] message) {
        return of(message, MimeLimits.DEFAULT);
    }

    /** The message's own header fields (those of part {@code 1}). */
    public List<HeaderField> headers() {
        return parts.get(0).headers();
    }

    /** Every part in document order, the message itself first. */
    public List<Part> parts() {
        return parts;
    }

    public List<Problem> problems() {
        return problems;
    }

    /** Bytes read. */
    public long size() {
        return size;
    }

    /** Characters of text and header kept (at most {@link MimeLimits#maxKeptChars()}): what holding it costs. */
    public long keptChars() {
        return keptChars;
    }

    /**
     * The part a reader shows as the message's text: the first inline {@code text/plain} part, else the first inline
     * {@code text/html} part, preferring those outside attached messages.
     */
    public Optional<Part> bodyPart() {
        return Optional.ofNullable(body);
    }

    /** The body's text (for HTML, its visible text), or "" when the message has none. */
    public String bodyText() {
        return bodyPart().flatMap(Part::textContent).map(PartText::text).orElse("");
    }

    /** Every part a reader should list as an attachment ({@link Part#isAttachment()}), in document order. */
    public List<Part> attachments() {
        return parts.stream().filter(Part::isAttachment).toList();
    }
}
