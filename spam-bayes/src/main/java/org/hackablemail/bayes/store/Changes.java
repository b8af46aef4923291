package org.hackablemail.bayes.store;

import java.util.List;

/**
 * A batch of the change feed.
 *
 * @param entries the current state of entries changed after the cursor, forgotten ones included (with their teaching);
 *                an entry may come more than once, and a newer state of one may come before an older one: readers
 *                keep the highest revision
 * @param next    the cursor to ask from next
 * @param rebuild the store was reset since the cursor: the reader must reload everything instead
 */
public record Changes(List<TrainingEntry> entries, ChangeCursor next, boolean rebuild) {
    public Changes {
        entries = List.copyOf(entries);
    }
}
