package org.hackablemail.bayes.store;

/** What an administrator wants to know about a store. */
public record StoreStatistics(Totals totals, long distinctTokens, long spamTokens, long hamTokens, long sizeInBytes) {
}
