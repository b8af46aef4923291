package org.hackablemail.bayes.tokenize;

/**
 * Limits and features of the {@link MessageTokenizer}.
 *
 * @param minTokenLength     shorter words carry no evidence and are dropped
 * @param maxTokenLength     longer words are replaced by a {@code skip:} token recording their first letter and length,
 *                           so that base64 noise or hashes do not flood the store
 * @param maxTokensPerMessage the tokenizer stops once it holds this many distinct tokens
 * @param maxCharsPerPart    text beyond this many characters of one part is ignored
 * @param wordPairs          also emit each pair of consecutive words as one token
 */
public record TokenizerSettings(int minTokenLength, int maxTokenLength, int maxTokensPerMessage, int maxCharsPerPart,
                                boolean wordPairs) {

    public static final TokenizerSettings DEFAULT = new TokenizerSettings(3, 40, 5_000, 200_000, false);

    public TokenizerSettings {
        if (minTokenLength < 1 || maxTokenLength < minTokenLength) {
            throw new IllegalArgumentException("Need 1 <= minTokenLength <= maxTokenLength");
        }
        if (maxTokensPerMessage < 1 || maxCharsPerPart < 1) {
            throw new IllegalArgumentException("maxTokensPerMessage and maxCharsPerPart must be positive");
        }
    }

    public TokenizerSettings withWordPairs(boolean enabled) {
        return new TokenizerSettings(minTokenLength, maxTokenLength, maxTokensPerMessage, maxCharsPerPart, enabled);
    }
}
