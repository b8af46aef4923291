package org.hackablemail.mime;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.Base64InputStream;
import org.apache.james.mime4j.codec.QuotedPrintableInputStream;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.RecursionMode;
import org.apache.james.mime4j.util.MimeUtil;

/**
 * Takes a {@link MessageSnapshot} with mime4j's pull parser. mime4j's own limits throw (ending the reading), so they
 * are all off; the snapshot's limits are applied here instead, and none of them stops the reading: a part beyond the
 * depth limit is read flat (mime4j's {@code M_FLAT}: its content is not parsed), a part beyond the part limit is
 * skipped, text beyond the text limit is counted but not kept. Each leaf is transfer-decoded and charset-decoded on
 * its own, so that one broken part costs only itself.
 */
final class SnapshotReader {
    private static final MimeConfig PARSER_CONFIG = MimeConfig.custom()
        .setMaxLineLen(-1)
        .setMaxHeaderCount(-1)
        .setMaxHeaderLen(-1)
        .setMaxContentLen(-1)
        .setStrictParsing(false)
        .setMalformedHeaderStartsBody(false)
        .build();
    /** RFC 5322 caps a line at 998 characters: a first line longer than this without a colon is taken as a header. */
    private static final int HEADER_PEEK = 1_000;
    private static final int COPY_BUFFER = 8_192;

    private final MimeLimits limits;
    private final Problems problems = new Problems();
    private final Deque<PartBuilder> open = new ArrayDeque<>();
    private final List<PartBuilder> recorded = new ArrayList<>();
    private final byte[] copyBuffer = new byte[COPY_BUFFER];
    private final TextBudget budget;
    private int partsSeen;

    SnapshotReader(MimeLimits limits) {
        this.limits = limits;
        this.budget = new TextBudget(limits.maxKeptChars());
    }

    MessageSnapshot read(InputStream message) throws IOException {
        SourceStream source = new SourceStream(message);
        PushbackInputStream in = new PushbackInputStream(source, HEADER_PEEK);
        MimeTokenStream stream = new MimeTokenStream(PARSER_CONFIG, new StructureMonitor(problems, this::currentId),
            null, new ContentTypeBuilder(null));
        if (startsWithHeader(in)) {
            stream.parse(in);
        } else {
            stream.parseHeadless(in, "text/plain");
            open(false);
            problems.add(Problem.Code.NO_HEADER, "1", "the message does not start with a header field: all of it is read as text");
        }
        try {
            for (EntityState state = stream.getState(); state != EntityState.T_END_OF_STREAM; state = stream.next()) {
                handle(stream, state);
            }
        } catch (MimeException | IOException | RuntimeException | StackOverflowError e) {
            source.rethrowFailure();
            problems.add(Problem.Code.UNREADABLE, currentId(), "the rest of the message could not be read: " + e);
        }
        while (!open.isEmpty()) {
            close();
        }
        source.drain(copyBuffer);
        List<Part> parts = recorded.stream().map(PartBuilder::build).toList();
        return new MessageSnapshot(parts, problems.list(), source.count(), limits.maxKeptChars() - budget.left(),
            bodyOf(parts));
    }

    /** The first inline text/plain part, else text/html; parts outside attached messages first. */
    private Part bodyOf(List<Part> parts) {
        for (boolean inAttachedMessage : new boolean[] {false, true}) {
            for (String type : new String[] {"text/plain", "text/html"}) {
                for (int i = 0; i < parts.size(); i++) {
                    Part part = parts.get(i);
                    if (recorded.get(i).isInsideAttachedMessage() == inAttachedMessage && part.isInlineText()
                        && part.mimeType().equals(type) && part.text() != null) {
                        return part;
                    }
                }
            }
        }
        return null;
    }

    private void handle(MimeTokenStream stream, EntityState state) throws IOException {
        switch (state) {
            case T_START_MESSAGE -> open(true);
            case T_START_BODYPART -> open(false);
            case T_FIELD -> current().addField(stream.getField(), limits, budget, problems);
            case T_END_HEADER -> {
                if (current().depth() >= limits.maxDepth() || !current().isRecorded()) {
                    stream.setRecursionMode(RecursionMode.M_FLAT);
                }
            }
            case T_START_MULTIPART -> current().describe(Part.Kind.MULTIPART);
            case T_PREAMBLE -> readPreamble(stream.getInputStream());
            case T_END_MULTIPART -> readPreambleAsTextWhenNoPart();
            case T_BODY -> {
                stream.setRecursionMode(RecursionMode.M_RECURSE);
                readBody(stream.getInputStream());
            }
            case T_END_BODYPART, T_END_MESSAGE -> close();
            default -> {
                // Epilogues are skipped by the parser; header starts and ends need nothing.
            }
        }
    }

    /** Kept in case no part follows: then the boundary is broken and the preamble is all there is to read. */
    private void readPreamble(InputStream preamble) throws IOException {
        PartBuilder multipart = current();
        if (multipart.isRecorded()) {
            BoundedBytes kept = BoundedBytes.read(preamble, (int) Math.min(limits.maxTextChars(), budget.left()));
            multipart.setPreamble(kept, kept.length() + drain(preamble));
        }
    }

    private void readPreambleAsTextWhenNoPart() {
        PartBuilder multipart = current();
        BoundedBytes preamble = multipart.takePreamble();
        if (!multipart.isRecorded() || multipart.hasChildren() || !hasText(preamble)) {
            return;
        }
        problems.add(Problem.Code.BAD_STRUCTURE, multipart.id(),
            "no part found (the boundary never occurs): the multipart's content is read as one text part");
        PartBuilder text = multipart.child(true);
        ContentType plain = (ContentType) text.describe(Part.Kind.LEAF);
        recorded.add(text);
        decodeText(text, plain, preamble, multipart.preambleSize());
        multipart.addChildSize(text.size());
    }

    private static boolean hasText(BoundedBytes bytes) {
        for (int i = 0; bytes != null && i < bytes.length(); i++) {
            if (!Character.isWhitespace(bytes.bytes()[i])) {
                return true;
            }
        }
        return false;
    }

    private void open(boolean enclosedMessage) {
        PartBuilder parent = open.peek();
        partsSeen++;
        boolean keep = partsSeen <= limits.maxParts() && (parent == null || parent.isRecorded());
        if (partsSeen == limits.maxParts() + 1) {
            problems.add(Problem.Code.TOO_MANY_PARTS, "1",
                "more than " + limits.maxParts() + " parts: the parts after them are not listed");
        }
        if (enclosedMessage && parent != null) {
            parent.becomeMessageContainer();
        }
        PartBuilder part = parent == null ? PartBuilder.root(keep) : parent.child(keep);
        open.push(part);
        if (keep) {
            recorded.add(part);
        }
    }

    private void close() {
        PartBuilder part = open.pop();
        if (!open.isEmpty()) {
            open.peek().addChildSize(part.size());
        }
    }

    private PartBuilder current() {
        return open.peek();
    }

    private String currentId() {
        return open.isEmpty() ? "1" : open.peek().id();
    }

    private void readBody(InputStream raw) throws IOException {
        PartBuilder part = current();
        BodyDescriptor descriptor = part.describe(Part.Kind.LEAF);
        if (!part.isRecorded()) {
            drain(raw);
            return;
        }
        if (MimeUtil.isMultipart(descriptor.getMimeType()) || MimeUtil.isMessage(descriptor.getMimeType())) {
            part.becomeOpaque(drain(raw));
            problems.add(Problem.Code.TOO_DEEP, part.id(), "nested deeper than " + limits.maxDepth()
                + " levels: listed as an opaque " + descriptor.getMimeType() + " part, its content not read");
            return;
        }
        DecodingMonitor decoding = new DecodingMonitor();
        String encoding = descriptor.getTransferEncoding();
        InputStream decoded = MimeUtil.isBase64Encoding(encoding) ? new Base64InputStream(raw, decoding)
            : MimeUtil.isQuotedPrintableEncoded(encoding) ? new QuotedPrintableInputStream(raw, decoding) : raw;
        if (descriptor.getMediaType().equals("text")) {
            readText(part, descriptor, decoded);
        } else {
            part.setSize(drain(decoded));
        }
        if (MimeUtil.isBase64Encoding(encoding) && hasDataAfterEnd(raw)) {
            decoding.dataAfterEnd();
        }
        decoding.report(problems, part.id(), encoding);
    }

    /** Keeps the first bytes (as many as the limits allow), counts the rest, then converts what was kept. */
    private void readText(PartBuilder part, BodyDescriptor descriptor, InputStream decoded) throws IOException {
        BoundedBytes kept = BoundedBytes.read(decoded, (int) Math.min(limits.maxTextChars(), budget.left()));
        decodeText(part, descriptor, kept, kept.length() + drain(decoded));
    }

    private void decodeText(PartBuilder part, BodyDescriptor descriptor, BoundedBytes kept, long size) {
        part.setSize(size);
        boolean cutByBudget = size > kept.length() && kept.length() < limits.maxTextChars();
        if (cutByBudget) {
            problems.add(Problem.Code.TOO_MUCH_TEXT, part.id(), "the message holds more than "
                + limits.maxKeptChars() + " characters of text and header: " + (size - kept.length())
                + " bytes of this part were not read as text");
        }
        TextDecoding.Decoded text = TextDecoding.decode(kept.bytes(), kept.length(), descriptor.getCharset());
        text.unknownCharset().ifPresent(charset -> problems.add(Problem.Code.UNKNOWN_CHARSET, part.id(),
            "unknown charset \"" + charset + "\": read as UTF-8 where valid, else as ISO-8859-1"));
        if (text.malformedSequences() > 0) {
            problems.add(Problem.Code.MALFORMED_TEXT, part.id(), text.malformedSequences()
                + " byte sequences not valid in " + descriptor.getCharset() + " replaced by U+FFFD");
        }
        boolean html = descriptor.getSubType().equals("html");
        String content = text.text();
        List<String> links = List.of();
        if (html) {
            HtmlText.Converted converted = HtmlText.convert(content, limits.maxLinks());
            content = converted.text();
            links = converted.links();
        }
        budget.spend(content.length());
        part.setText(new PartText(content, html, links, size > kept.length()));
    }

    private long drain(InputStream in) throws IOException {
        long count = 0;
        for (int read; (read = in.read(copyBuffer)) >= 0; ) {
            count += read;
        }
        return count;
    }

    /** Whether bytes other than white space follow the end of base64 data (padding ends mime4j's decoding). */
    private boolean hasDataAfterEnd(InputStream raw) throws IOException {
        boolean data = false;
        for (int read; (read = raw.read(copyBuffer)) >= 0; ) {
            for (int i = 0; i < read && !data; i++) {
                data = copyBuffer[i] != '\r' && copyBuffer[i] != '\n' && copyBuffer[i] != ' ' && copyBuffer[i] != '\t'
                    && copyBuffer[i] != '=';
            }
        }
        return data;
    }

    /**
     * Whether the first line is a header field or an mbox {@code From } line. mime4j would take any other first line
     * for a malformed field and drop it, losing what may be the only text of the message.
     */
    private static boolean startsWithHeader(PushbackInputStream in) throws IOException {
        byte[] start = new byte[HEADER_PEEK];
        int length = 0;
        for (int read; length < start.length && (read = in.read(start, length, start.length - length)) >= 0; ) {
            length += read;
        }
        in.unread(start, 0, length);
        if (length >= 5 && start[0] == 'F' && start[1] == 'r' && start[2] == 'o' && start[3] == 'm' && start[4] == ' ') {
            return true;
        }
        for (int i = 0; i < length; i++) {
            byte b = start[i];
            if (b == ':') {
                return i > 0;
            }
            if (b <= ' ' || b > '~') {
                return false;
            }
        }
        return length == start.length;
    }
}
