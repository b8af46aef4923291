package org.hackablemail.tasks;

import java.time.Clock;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.apache.james.task.Task;
import org.hackablemail.bayes.store.TrainingEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loop every training task runs: one message after the other at a fixed pace, counting what was learnt; a message
 * that fails is counted and skipped, never stopping the task; a cancelled task (its thread interrupted) stops after the
 * message in hand.
 */
final class TrainingRun {
    private static final Logger LOGGER = LoggerFactory.getLogger(TrainingRun.class);

    private final int messagesPerSecond;
    private final Clock clock;
    private final AtomicLong processed = new AtomicLong();
    private final AtomicLong learnt = new AtomicLong();
    private final AtomicLong alreadyKnown = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    TrainingRun(int messagesPerSecond, Clock clock) {
        if (messagesPerSecond < 1) {
            throw new IllegalArgumentException("'messagesPerSecond' must be at least 1, got " + messagesPerSecond);
        }
        this.messagesPerSecond = messagesPerSecond;
        this.clock = clock;
    }

    int messagesPerSecond() {
        return messagesPerSecond;
    }

    /**
     * @param learn teaches one message: the entry written, or empty when it was already known as such
     */
    <T> Task.Result each(Iterator<T> messages, Function<T, Optional<TrainingEntry>> learn) {
        long interval = TimeUnit.SECONDS.toNanos(1) / messagesPerSecond;
        long next = System.nanoTime();
        while (messages.hasNext()) {
            long wait = next - System.nanoTime();
            try {
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
            } catch (InterruptedException cancelled) {
                Thread.currentThread().interrupt();
                return Task.Result.PARTIAL;
            }
            next = Math.max(next, System.nanoTime()) + interval;
            if (Thread.currentThread().isInterrupted()) {
                return Task.Result.PARTIAL;
            }
            // A source that cannot give its next message ends the task (PARTIAL, through James's task failure).
            T message = messages.next();
            try {
                (learn.apply(message).isPresent() ? learnt : alreadyKnown).incrementAndGet();
            } catch (RuntimeException e) {
                failed.incrementAndGet();
                LOGGER.warn("A message could not be learnt; training goes on with the next", e);
            }
            processed.incrementAndGet();
        }
        return failed.get() == 0 ? Task.Result.COMPLETED : Task.Result.PARTIAL;
    }

    TrainingDetails details(String source, String user, String mailbox, String label, String layer) {
        return new TrainingDetails(source, user, mailbox, label, layer, messagesPerSecond, processed.get(), learnt.get(),
            alreadyKnown.get(), failed.get(), clock.instant());
    }
}
