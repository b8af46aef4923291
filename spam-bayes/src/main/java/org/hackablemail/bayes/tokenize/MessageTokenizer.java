package org.hackablemail.bayes.tokenize;

import java.util.Set;

import org.hackablemail.mime.MessageSnapshot;
import org.hackablemail.mime.MimeLimits;

/**
 * Turns a message into the set of distinct tokens the classifier weighs: words of text parts (decoded from
 * quoted-printable or base64 and converted from their charset, HTML reduced to its visible text), URL hosts, and
 * selected header fields prefixed by their name. It reads the message's {@link MessageSnapshot}, the one reading of
 * the message that the plugins' view shares; raw bytes are read into one first. Thread-safe; never throws on
 * malformed input.
 */
public final class MessageTokenizer {
    private final TokenizerSettings settings;
    private final MimeLimits limits;

    public MessageTokenizer(TokenizerSettings settings, MimeLimits limits) {
        this.settings = settings;
        this.limits = limits;
    }

    public MessageTokenizer(TokenizerSettings settings) {
        this(settings, MimeLimits.DEFAULT);
    }

    public MessageTokenizer() {
        this(TokenizerSettings.DEFAULT);
    }

    /** The distinct tokens of the raw message, as an immutable set. */
    public Set<String> tokenize(byte[] message) {
        return tokenize(MessageSnapshot.of(message, limits));
    }

    /** The distinct tokens of a message already read, as an immutable set. */
    public Set<String> tokenize(MessageSnapshot message) {
        TokenCollector collector = new TokenCollector(settings.maxTokensPerMessage());
        new SnapshotTokens(settings, collector).add(message);
        return collector.tokens();
    }
}
