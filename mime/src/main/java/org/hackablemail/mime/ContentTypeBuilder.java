package org.hackablemail.mime;

import java.util.Locale;

import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.BodyDescriptorBuilder;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.NameValuePair;
import org.apache.james.mime4j.stream.RawBody;
import org.apache.james.mime4j.stream.RawField;
import org.apache.james.mime4j.stream.RawFieldParser;

/**
 * Resolves a part's type from its fields by mime4j's default rules (its own resolver is not public): the first valid
 * Content-Type counts (an invalid one leaves the next one a chance), a multipart without a boundary is not a multipart, no type is {@code text/plain} (or
 * {@code message/rfc822} inside {@code multipart/digest}), text without a charset is {@code us-ascii}, no transfer
 * encoding is {@code 7bit}. The parser and the snapshot each use their own instances, so they always agree.
 */
final class ContentTypeBuilder implements BodyDescriptorBuilder {
    private final String parentMimeType;
    private String mimeType;
    private String mediaType;
    private String subType;
    private String boundary;
    private String charset;
    private String transferEncoding;
    private long contentLength;

    ContentTypeBuilder(String parentMimeType) {
        this.parentMimeType = parentMimeType;
        reset();
    }

    @Override
    public void reset() {
        mimeType = null;
        mediaType = null;
        subType = null;
        boundary = null;
        charset = null;
        transferEncoding = null;
        contentLength = -1;
    }

    @Override
    public Field addField(RawField field) {
        String name = field.getNameLowerCase();
        if (name.equals("content-transfer-encoding") && transferEncoding == null) {
            String body = field.getBody();
            if (body != null && !body.isBlank()) {
                transferEncoding = body.trim().toLowerCase(Locale.ROOT);
            }
        } else if (name.equals("content-length") && contentLength == -1 && field.getBody() != null) {
            contentLength = parseLength(field.getBody().trim());
        } else if (name.equals("content-type") && mimeType == null) {
            readContentType(field);
        }
        return null;
    }

    private void readContentType(RawField field) {
        RawBody body = RawFieldParser.DEFAULT.parseRawBody(field);
        String type = null;
        String sub = null;
        String main = body.getValue() == null ? null : body.getValue().trim().toLowerCase(Locale.ROOT);
        int slash = main == null ? -1 : main.indexOf('/');
        if (slash > 0) {
            type = main.substring(0, slash).trim();
            sub = main.substring(slash + 1).trim();
        }
        String boundaryParameter = null;
        String charsetParameter = null;
        for (NameValuePair parameter : body.getParams()) {
            String parameterName = parameter.getName().toLowerCase(Locale.ROOT);
            if (parameterName.equals("boundary") && boundaryParameter == null) {
                boundaryParameter = parameter.getValue();
            } else if (parameterName.equals("charset") && charsetParameter == null) {
                charsetParameter = parameter.getValue();
            }
        }
        boolean valid = type != null && !type.isEmpty() && !sub.isEmpty();
        boolean multipart = valid && type.equals("multipart");
        if (valid && (!multipart || boundaryParameter != null)) {
            mediaType = type;
            subType = sub;
            mimeType = type + "/" + sub;
            boundary = multipart ? boundaryParameter : null;
        }
        charset = charsetParameter == null || charsetParameter.isBlank() ? null : charsetParameter.trim();
    }

    private static long parseLength(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public BodyDescriptor build() {
        String type = mimeType;
        String media = mediaType;
        String sub = subType;
        if (type == null) {
            boolean digest = "multipart/digest".equalsIgnoreCase(parentMimeType);
            media = digest ? "message" : "text";
            sub = digest ? "rfc822" : "plain";
            type = media + "/" + sub;
        }
        String resolvedCharset = charset == null && media.equals("text") ? "us-ascii" : charset;
        return new ContentType(type, media, sub, boundary, resolvedCharset,
            transferEncoding == null ? "7bit" : transferEncoding, contentLength);
    }

    @Override
    public BodyDescriptorBuilder newChild() {
        return new ContentTypeBuilder(mimeType);
    }
}
