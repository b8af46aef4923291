package org.hackablemail.bayes.store;

/**
 * Where a reader of {@link BayesStore#changesSince} is. Opaque to callers; a store defines both fields.
 *
 * @param generation changes with every {@link BayesStore#reset}: a cursor of another generation must rebuild
 * @param position   the store's own position in its change feed
 */
public record ChangeCursor(String generation, long position) {
}
