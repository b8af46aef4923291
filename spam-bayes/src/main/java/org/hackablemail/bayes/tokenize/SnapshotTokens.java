package org.hackablemail.bayes.tokenize;

import java.util.Locale;

import org.hackablemail.mime.MessageSnapshot;
import org.hackablemail.mime.Part;

/**
 * The tokens of a snapshot, part by part in document order: each part's header fields, its type, charset and transfer
 * encoding, the extension of its file name, and the words and URL hosts of its text (link targets first for HTML).
 */
final class SnapshotTokens {
    private final TokenCollector collector;
    private final WordSplitter words;
    private final HeaderTokens headers;
    private final UrlTokens urls;

    SnapshotTokens(TokenizerSettings settings, TokenCollector collector) {
        this.collector = collector;
        this.words = new WordSplitter(settings, collector);
        this.headers = new HeaderTokens(words, collector);
        this.urls = new UrlTokens(collector, settings.maxCharsPerPart());
    }

    void add(MessageSnapshot message) {
        for (Part part : message.parts()) {
            if (collector.isFull()) {
                return;
            }
            part.headers().forEach(headers::add);
            if (part.kind() != Part.Kind.MESSAGE) {
                addDescription(part);
            }
            if (part.filename() != null) {
                FileExtension.of(part.filename()).ifPresent(extension -> collector.add("filename:" + extension));
            }
            part.textContent().ifPresent(text -> {
                text.links().forEach(urls::scan);
                urls.scan(text.text());
                words.split(text.text(), "");
            });
        }
    }

    /** An enclosed message's part says nothing the enclosed message's own fields do not. */
    private void addDescription(Part part) {
        collector.add("content-type:" + part.mimeType());
        if (part.charset() != null) {
            collector.add("charset:" + part.charset().toLowerCase(Locale.ROOT));
        }
        collector.add("encoding:" + part.transferEncoding());
    }
}
