package org.hackablemail.bayes;

/** What the classifier reads: per-token counts and how many messages of each class they were learnt from. */
public interface TokenStatistics {
    long spamMessages();

    long hamMessages();

    /** {@link TokenCount#NONE} for a token never seen. */
    TokenCount count(String token);
}
