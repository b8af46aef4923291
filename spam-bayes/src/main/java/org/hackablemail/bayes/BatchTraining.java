package org.hackablemail.bayes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

import org.hackablemail.bayes.corpus.RawMessage;
import org.hackablemail.bayes.store.Scope;
import org.hackablemail.bayes.store.Source;

/**
 * Teaches a filter a corpus of any size with one label, a batch (one commit) at a time, so that memory stays bounded
 * and classification sees the progress; for the CLI and the webadmin upload.
 */
public final class BatchTraining {
    public static final int DEFAULT_BATCH_SIZE = 500;

    private final BayesianFilter filter;
    private final int batchSize;

    public BatchTraining(BayesianFilter filter, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("A batch holds at least one message, got " + batchSize);
        }
        this.filter = filter;
        this.batchSize = batchSize;
    }

    /**
     * @param progress told the number of messages learnt so far after each batch
     * @return how many messages were learnt
     */
    public long train(Label label, Stream<RawMessage> messages, LongConsumer progress) throws IOException {
        return train(Scope.SHARED, label, Source.ADMIN, messages, progress);
    }

    /** Teaches the messages to one scope; each message counts once, however often it is in the corpus. */
    public long train(Scope scope, Label label, Source source, Stream<RawMessage> messages, LongConsumer progress)
        throws IOException {
        long learnt = 0;
        List<byte[]> batch = new ArrayList<>(batchSize);
        try {
            for (Iterator<RawMessage> it = messages.iterator(); it.hasNext(); ) {
                batch.add(it.next().content());
                if (batch.size() == batchSize || !it.hasNext()) {
                    filter.learnAll(scope, label, source, batch);
                    learnt += batch.size();
                    batch.clear();
                    progress.accept(learnt);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return learnt;
    }
}
