package org.hackablemail.bayes;

/** In how many spam and how many ham messages one token was seen. */
public record TokenCount(int spam, int ham) {
    public static final TokenCount NONE = new TokenCount(0, 0);

    public TokenCount {
        if (spam < 0 || ham < 0) {
            throw new IllegalArgumentException("Counts cannot be negative: spam=" + spam + " ham=" + ham);
        }
    }

    public TokenCount plus(TokenCount other) {
        return new TokenCount(spam + other.spam, ham + other.ham);
    }

    /** Seen in {@code messages} messages, all with the same label. */
    public static TokenCount of(Label label, int messages) {
        return label == Label.SPAM ? new TokenCount(messages, 0) : new TokenCount(0, messages);
    }
}
