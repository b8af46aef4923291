package org.hackablemail.bayes.autolearn;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.hackablemail.bayes.BayesianFilter;
import org.hackablemail.bayes.Label;
import org.hackablemail.bayes.classify.Classification;
import org.hackablemail.bayes.model.CountTable;
import org.hackablemail.bayes.store.Scope;
import org.hackablemail.bayes.store.Source;
import org.hackablemail.bayes.store.TrainingKey;

/**
 * Learns very confident shared verdicts into the shared model, in the background (never on the caller's thread),
 * keyed by the message's bytes so that a message seen twice counts once. Guarded: nothing until the shared model holds
 * {@code minMessages} of each class; a class is skipped while it is more than {@code balance} ahead of the other; at most
 * {@value #QUEUE} messages wait, more are not learnt.
 */
public final class Autolearner implements AutoCloseable {
    static final int QUEUE = 1_000;

    private final BayesianFilter filter;
    private final AutolearnSettings settings;
    private final ThreadPoolExecutor executor;
    private final AtomicLong learnt = new AtomicLong();

    public Autolearner(BayesianFilter filter, AutolearnSettings settings) {
        this.filter = filter;
        this.settings = settings;
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE), runnable -> {
            Thread thread = new Thread(runnable, "hackablemail-bayes-autolearn");
            thread.setDaemon(true);
            return thread;
        }, new ThreadPoolExecutor.AbortPolicy());
    }

    /** What autolearn makes of a shared verdict, given the shared model's message totals; pure. */
    public static Optional<Label> decide(AutolearnSettings settings, Classification shared, long spamMessages, long hamMessages) {
        if (!settings.enabled() || shared.isUndecided() || spamMessages < settings.minMessages()
            || hamMessages < settings.minMessages()) {
            return Optional.empty();
        }
        if (shared.score() >= settings.spamAbove() && spamMessages <= (1 + settings.balance()) * hamMessages) {
            return Optional.of(Label.SPAM);
        }
        if (shared.score() <= settings.hamBelow() && hamMessages <= (1 + settings.balance()) * spamMessages) {
            return Optional.of(Label.HAM);
        }
        return Optional.empty();
    }

    /**
     * Offers a message and its shared verdict.
     *
     * @return the label it will be learnt as, if autolearn takes it
     */
    public Optional<Label> offer(byte[] message, Classification shared) {
        return offer(() -> message, () -> filter.tokenize(message), shared);
    }

    /**
     * As {@link #offer(byte[], Classification)}, for a message the caller classified: autolearn learns the tokens the
     * verdict came from instead of reading the message again, and reads its content (the key) only when it takes it.
     */
    public Optional<Label> offer(Supplier<byte[]> content, Set<String> tokens, Classification shared) {
        return offer(content, () -> tokens, shared);
    }

    private Optional<Label> offer(Supplier<byte[]> content, Supplier<Set<String>> tokens, Classification shared) {
        CountTable model = filter.model().shared();
        Optional<Label> label = decide(settings, shared, model.spamMessages(), model.hamMessages());
        if (label.isEmpty()) {
            return label;
        }
        byte[] message = content.get();
        try {
            executor.execute(() -> filter.learnTokens(TrainingKey.content(Scope.SHARED, message), label.get(),
                Source.AUTOLEARN, tokens).ifPresent(entry -> learnt.incrementAndGet()));
            return label;
        } catch (RejectedExecutionException full) {
            return Optional.empty();
        }
    }

    /** Messages learnt so far by this node's autolearn. */
    public long learnt() {
        return learnt.get();
    }

    @Override
    public void close() {
        executor.shutdown();
    }
}
