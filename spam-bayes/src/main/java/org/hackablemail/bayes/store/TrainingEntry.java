package org.hackablemail.bayes.store;

import java.time.Instant;

/**
 * One trained message as a store holds it.
 *
 * @param key      the message's identity in its scope
 * @param state    what it teaches now
 * @param teaching its tokens and class print, as first learnt
 * @param source   how it was last trained
 * @param updated  when its state last changed
 * @param revision starts at 1 and grows by one with every change of state: a read model folds a change only if it is
 *                 newer than what it counted for the key, which makes folding idempotent and order-proof
 */
public record TrainingEntry(TrainingKey key, EntryState state, Teaching teaching, Source source, Instant updated,
                            long revision) {
    public TrainingEntry {
        if (key == null || state == null || teaching == null || source == null || updated == null || revision < 1) {
            throw new IllegalArgumentException("Incomplete training entry for " + key);
        }
    }
}
