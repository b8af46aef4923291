package org.hackablemail.mime;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.RawBody;
import org.apache.james.mime4j.stream.RawField;
import org.apache.james.mime4j.stream.RawFieldParser;

/**
 * A part while it is being read. Its type is resolved from its own fields by a {@link ContentTypeBuilder} of its own,
 * so that it is known even for an enclosed message's part, for which the parser reports no descriptor.
 */
final class PartBuilder {
    private static final int MAX_PARSED_CHARS = 16_384;

    private final String id;
    private final int depth;
    private final boolean recorded;
    private final boolean insideAttachedMessage;
    private final ContentTypeBuilder descriptors;
    private final List<HeaderField> headers = new ArrayList<>();
    private RawField disposition;
    private RawField contentType;
    private int children;
    private Part.Kind kind = Part.Kind.LEAF;
    private BodyDescriptor descriptor;
    private long size;
    private PartText text;
    private BoundedBytes preamble;
    private long preambleSize;

    private PartBuilder(String id, int depth, boolean recorded, boolean insideAttachedMessage,
                        ContentTypeBuilder descriptors) {
        this.id = id;
        this.depth = depth;
        this.recorded = recorded;
        this.insideAttachedMessage = insideAttachedMessage;
        this.descriptors = descriptors;
    }

    static PartBuilder root(boolean recorded) {
        return new PartBuilder("1", 0, recorded, false, new ContentTypeBuilder(null));
    }

    PartBuilder child(boolean recorded) {
        children++;
        boolean inAttachment = insideAttachedMessage || kind == Part.Kind.MESSAGE && declaresAttachment();
        return new PartBuilder(id + "." + children, depth + 1, recorded, inAttachment, (ContentTypeBuilder) descriptors.newChild());
    }

    String id() {
        return id;
    }

    int depth() {
        return depth;
    }

    boolean isRecorded() {
        return recorded;
    }

    boolean isInsideAttachedMessage() {
        return insideAttachedMessage;
    }

    long size() {
        return size;
    }

    void addField(Field field, MimeLimits limits, TextBudget budget, Problems problems) {
        RawField raw = field instanceof RawField rawField ? rawField : new RawField(field.getName(), field.getBody());
        descriptors.addField(raw);
        if (!recorded) {
            return;
        }
        String name = raw.getNameLowerCase();
        if (name.equals("content-disposition") && disposition == null) {
            disposition = bounded(raw);
        } else if (name.equals("content-type") && contentType == null) {
            contentType = bounded(raw);
        }
        if (headers.size() >= limits.maxHeaderFields()) {
            problems.add(Problem.Code.HEADER_CUT, id, "more than " + limits.maxHeaderFields()
                + " header fields: the others are left out");
            return;
        }
        int length = raw.getRaw() == null ? 0 : raw.getRaw().length() - raw.getName().length() - 1;
        if (!budget.allows(Math.min(length, limits.maxFieldChars()))) {
            problems.add(Problem.Code.TOO_MUCH_TEXT, id, "header field " + raw.getName()
                + " left out: the message holds more than " + limits.maxKeptChars() + " characters of text and header");
            return;
        }
        if (length > limits.maxFieldChars()) {
            problems.add(Problem.Code.HEADER_CUT, id, "header field " + raw.getName() + " cut at "
                + limits.maxFieldChars() + " of its " + length + " characters");
        }
        budget.spend(2L * Math.min(length, limits.maxFieldChars()));
        headers.add(HeaderField.of(raw, limits.maxFieldChars()));
    }

    /** The part's type, from its fields; {@code kind} is what the parser found it to be. */
    BodyDescriptor describe(Part.Kind kind) {
        this.kind = kind;
        descriptor = descriptors.build();
        return descriptor;
    }

    void becomeMessageContainer() {
        describe(Part.Kind.MESSAGE);
    }

    void becomeOpaque(long rawSize) {
        kind = Part.Kind.OPAQUE;
        size = rawSize;
    }

    void setSize(long size) {
        this.size = size;
    }

    void addChildSize(long childSize) {
        size += childSize;
    }

    boolean hasChildren() {
        return children > 0;
    }

    void setPreamble(BoundedBytes kept, long size) {
        preamble = kept;
        preambleSize = size;
    }

    /** The preamble kept, released: it is only needed when the multipart ends. */
    BoundedBytes takePreamble() {
        BoundedBytes kept = preamble;
        preamble = null;
        return kept;
    }

    long preambleSize() {
        return preambleSize;
    }

    void setText(PartText text) {
        this.text = text;
    }

    Part build() {
        BodyDescriptor type = descriptor != null ? descriptor : descriptors.build();
        return new Part(id, depth, kind, headers, type.getMimeType().toLowerCase(Locale.ROOT), type.getCharset(),
            type.getTransferEncoding().toLowerCase(Locale.ROOT), Filenames.of(parsed(disposition), parsed(contentType)),
            declaresAttachment(), size, text);
    }

    private boolean declaresAttachment() {
        RawBody body = parsed(disposition);
        return body != null && "attachment".equalsIgnoreCase(body.getValue());
    }

    private static RawBody parsed(RawField field) {
        return field == null ? null : RawFieldParser.DEFAULT.parseRawBody(field);
    }

    /** Parameters are parsed from the start of the field only, as much as a kept field holds. */
    private static RawField bounded(RawField field) {
        if (field.getRaw() == null || field.getRaw().length() <= MAX_PARSED_CHARS) {
            return field;
        }
        String body = field.getBody();
        return new RawField(field.getName(), body.substring(0, Math.min(body.length(), MAX_PARSED_CHARS)));
    }
}
