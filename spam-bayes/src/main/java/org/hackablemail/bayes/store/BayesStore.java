package org.hackablemail.bayes.store;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The durable record of what the filter learnt, one entry per trained message, from which every node folds its
 * in-memory read model (which is what classification reads: never a store query per message). Implementations: the
 * single-node {@link LuceneBayesStore} (default) and a Cassandra one for several James nodes. Both pass the abstract
 * contract test {@code BayesStoreContract} of this module's test-jar.
 *
 * <p>Rules every implementation keeps:</p>
 * <ul>
 *   <li><b>Idempotent per message.</b> Writing the state an entry already has changes nothing (no new revision, no
 *       change in the feed). A message trained twice counts once; moving it from spam to ham is one change of state of
 *       one entry, which takes back the spam and adds the ham.</li>
 *   <li><b>A message always teaches the same tokens.</b> An entry's {@link Teaching} is fixed by its first write;
 *       later writes change only its state, source and time. Untraining keeps the entry (state
 *       {@link EntryState#FORGOTTEN}) so that every node can take back what it had counted.</li>
 *   <li><b>Revisions</b> of one key start at 1 and grow by one per change, also under concurrent writers (the store
 *       serializes writes of one key, e.g. by a compare-and-set on the revision): two writers never both produce
 *       revision n.</li>
 *   <li><b>Change feed.</b> Every change of any writer, on any node, shows in {@link #changesSince} after the cursor
 *       taken before it (at least once, within the store's documented bound).</li>
 *   <li><b>Failures</b> are unchecked ({@link java.io.UncheckedIOException} or the deployment's storage exception); a
 *       failed write leaves no part of itself behind.</li>
 * </ul>
 */
public interface BayesStore extends AutoCloseable {
    /** The entry of a message, forgotten ones included; empty if the message was never trained. */
    Optional<TrainingEntry> entry(TrainingKey key);

    /**
     * Sets what a message teaches.
     *
     * @return the entry as written; empty when nothing changed (same state as stored, or forgetting an unknown key)
     */
    Optional<TrainingEntry> write(EntryWrite write);

    /**
     * Writes several entries, as one durable unit where the store can (the Lucene store commits once).
     *
     * @return for each write, in order, what {@link #write} would have returned
     */
    List<Optional<TrainingEntry>> writeAll(List<EntryWrite> writes);

    /** Calls {@code consumer} with every entry that teaches something, of one scope or (empty) of all scopes. */
    void forEachEntry(Optional<Scope> scope, Consumer<TrainingEntry> consumer);

    /** Where the change feed is now: changes made after this call show in {@link #changesSince} of it. */
    ChangeCursor cursor();

    /** At most about {@code limit} changes after the cursor, oldest first as far as the store can tell. */
    Changes changesSince(ChangeCursor cursor, int limit);

    /** Counts that no entry accounts for (an import, or a store from before per-message training). */
    Baseline baseline();

    /** Forgets every entry of every scope and sets the baseline: a reset (empty baseline) or an import. */
    void reset(Baseline baseline);

    /** Bytes on disk, or -1 when the store cannot tell. */
    long sizeInBytes();

    @Override
    void close();
}
