package org.hackablemail.bayes.tokenize;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

import org.apache.james.mime4j.parser.AbstractContentHandler;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.util.CharsetUtil;

/** Receives the events of mime4j's streaming parser: header fields, and the decoded content of each leaf part. */
final class PartTokens extends AbstractContentHandler {
    private final TokenizerSettings settings;
    private final TokenCollector collector;
    private final WordSplitter words;
    private final HeaderTokens headers;
    private final UrlTokens urls;
    private final HtmlText html;

    PartTokens(TokenizerSettings settings, TokenCollector collector) {
        this.settings = settings;
        this.collector = collector;
        this.words = new WordSplitter(settings, collector);
        this.headers = new HeaderTokens(words, collector);
        this.urls = new UrlTokens(collector, settings.maxCharsPerPart());
        this.html = new HtmlText(urls);
    }

    @Override
    public void field(Field field) {
        headers.add(field);
    }

    @Override
    public void startMultipart(BodyDescriptor descriptor) {
        addDescription(descriptor);
    }

    @Override
    public void body(BodyDescriptor descriptor, InputStream content) throws IOException {
        addDescription(descriptor);
        if (!descriptor.getMediaType().equalsIgnoreCase("text") || collector.isFull()) {
            return;
        }
        String text = read(content, charsetOf(descriptor));
        addText(descriptor.getSubType().equalsIgnoreCase("html") ? html.toText(text) : text);
    }

    /** Tokenizes undecoded text: the fallback when a message cannot be parsed as MIME at all. */
    void addText(String text) {
        urls.scan(text);
        words.split(text, "");
    }

    private void addDescription(BodyDescriptor descriptor) {
        collector.add("content-type:" + descriptor.getMimeType().toLowerCase(Locale.ROOT));
        if (descriptor.getCharset() != null) {
            collector.add("charset:" + descriptor.getCharset().toLowerCase(Locale.ROOT));
        }
        collector.add("encoding:" + descriptor.getTransferEncoding().toLowerCase(Locale.ROOT));
    }

    /** At most {@code maxCharsPerPart} characters, read straight into one array that grows as the part turns out longer. */
    private String read(InputStream content, Charset charset) throws IOException {
        Reader reader = new InputStreamReader(content, charset);
        int max = settings.maxCharsPerPart();
        char[] text = new char[Math.min(max, 8192)];
        int length = 0;
        int read;
        while (length < max && (read = reader.read(text, length, text.length - length)) >= 0) {
            length += read;
            if (length == text.length && length < max) {
                text = Arrays.copyOf(text, (int) Math.min(max, 2L * length));
            }
        }
        return new String(text, 0, length);
    }

    /** Undeclared or unknown charsets are read as Latin-1, which maps every byte to a character and loses nothing. */
    private static Charset charsetOf(BodyDescriptor descriptor) {
        Charset declared = descriptor.getCharset() == null ? null : CharsetUtil.lookup(descriptor.getCharset());
        if (declared == null || declared.equals(StandardCharsets.US_ASCII)) {
            return StandardCharsets.ISO_8859_1;
        }
        return declared;
    }
}
