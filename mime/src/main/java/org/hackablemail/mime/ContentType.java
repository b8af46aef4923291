package org.hackablemail.mime;

import org.apache.james.mime4j.stream.BodyDescriptor;

/** What a part's fields say of its content, as mime4j's parser needs it. */
record ContentType(String mimeType, String mediaType, String subType, String boundary, String charset,
                   String transferEncoding, long contentLength) implements BodyDescriptor {

    @Override
    public String getMimeType() {
        return mimeType;
    }

    @Override
    public String getMediaType() {
        return mediaType;
    }

    @Override
    public String getSubType() {
        return subType;
    }

    @Override
    public String getBoundary() {
        return boundary;
    }

    @Override
    public String getCharset() {
        return charset;
    }

    @Override
    public String getTransferEncoding() {
        return transferEncoding;
    }

    @Override
    public long getContentLength() {
        return contentLength;
    }
}
