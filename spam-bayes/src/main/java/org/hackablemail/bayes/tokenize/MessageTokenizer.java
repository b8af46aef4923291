package org.hackablemail.bayes.tokenize;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.parser.MimeStreamParser;
import org.apache.james.mime4j.stream.MimeConfig;

/**
 * Turns a raw RFC 5322 message into the set of distinct tokens the classifier weighs: words of text parts (decoded from
 * quoted-printable or base64 and converted from their charset, HTML reduced to its visible text), URL hosts, and
 * selected header fields prefixed by their name. Thread-safe; never throws on malformed input: what mime4j cannot
 * parse is tokenized as raw text.
 */
public final class MessageTokenizer {
    private final TokenizerSettings settings;

    public MessageTokenizer(TokenizerSettings settings) {
        this.settings = settings;
    }

    public MessageTokenizer() {
        this(TokenizerSettings.DEFAULT);
    }

    /** The distinct tokens of the message, as an immutable set. */
    public Set<String> tokenize(byte[] message) {
        TokenCollector collector = new TokenCollector(settings.maxTokensPerMessage());
        PartTokens parts = new PartTokens(settings, collector);
        if (!startsWithHeader(message) || !parse(message, parts)) {
            parts.addText(new String(message, StandardCharsets.ISO_8859_1));
        }
        return collector.tokens();
    }

    private static boolean parse(byte[] message, PartTokens parts) {
        MimeStreamParser parser = new MimeStreamParser(MimeConfig.PERMISSIVE);
        parser.setContentDecoding(true);
        parser.setRecurse();
        parser.setContentHandler(parts);
        try {
            parser.parse(new ByteArrayInputStream(message));
            return true;
        } catch (MimeException | IOException | RuntimeException unparseable) {
            return false;
        }
    }

    /** Whether the first line is a header field or an mbox {@code From } line; if not, mime4j would drop it. */
    private static boolean startsWithHeader(byte[] message) {
        if (message.length >= 5 && new String(message, 0, 5, StandardCharsets.US_ASCII).equals("From ")) {
            return true;
        }
        for (int i = 0; i < message.length; i++) {
            byte b = message[i];
            if (b == ':') {
                return i > 0;
            }
            if (b <= ' ' || b > '~') {
                return false;
            }
        }
        return false;
    }
}
