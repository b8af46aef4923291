package org.hackablemail.bayes.store;

import java.util.function.Supplier;

/**
 * A request to set what one message teaches.
 *
 * @param key      the message's identity
 * @param state    spam, ham, or forgotten (untrain)
 * @param source   how it is being trained
 * @param teaching computes what the message teaches; called only when the store has no entry for the key yet and the
 *                 state teaches something, so that a message already known is never fetched or tokenized again
 */
public record EntryWrite(TrainingKey key, EntryState state, Source source, Supplier<Teaching> teaching) {
    public EntryWrite {
        if (key == null || state == null || source == null || teaching == null) {
            throw new IllegalArgumentException("Incomplete entry write for " + key);
        }
    }
}
