package org.hackablemail.storage.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.hackablemail.core.SettableClock;
import org.hackablemail.storage.cassandra.testing.TestKeyspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The feed between nodes whose clocks differ: a row stamped before the place a reader has read up to (a writer whose
 * clock is behind, or a write that became visible late) is still delivered, within {@link BayesChangeFeed#SETTLE}.
 * Each node's clock is set by hand.
 */
class BayesChangeFeedTest {
    @RegisterExtension
    static TestKeyspace keyspace = new TestKeyspace("bayesfeed", List.of(BayesChangeFeed.FEED));

    private static final String GENERATION = "g1";
    private static final Duration STEP = Duration.ofSeconds(5);

    private final SettableClock readerClock = new SettableClock();
    private final BayesChangeFeed reader = new BayesChangeFeed(keyspace.nodeA(), readerClock);

    @Test
    void shouldDeliverAChangeWhenItsWriterClockIsBehindTheReaderWithinTheSettleTime() {
        BayesChangeFeed.Position position = reader.now(GENERATION);
        position = readFor(Duration.ofSeconds(1), position, new HashSet<>());

        Cql.await(writerAt(Duration.ofSeconds(-20)).record(GENERATION, "late"));

        Set<String> seen = new HashSet<>();
        readFor(BayesChangeFeed.SETTLE.plus(STEP.multipliedBy(2)), position, seen);
        assertThat(seen).containsExactly("late");
    }

    @Test
    void shouldDeliverAnOnTimeChangeStampedBeforeWhatAFastWriterMadeTheReaderReadUpTo() {
        BayesChangeFeed.Position position = reader.now(GENERATION);
        Cql.await(writerAt(Duration.ofSeconds(20)).record(GENERATION, "ahead"));
        Set<String> seen = new HashSet<>();
        position = readFor(Duration.ofSeconds(1), position, seen);
        assertThat(seen).containsExactly("ahead");

        Cql.await(writerAt(Duration.ZERO).record(GENERATION, "on time"));

        readFor(BayesChangeFeed.SETTLE.plus(STEP.multipliedBy(2)), position, seen);
        assertThat(seen).containsExactlyInAnyOrder("ahead", "on time");
    }

    /** A node whose clock is {@code offset} from the reader's now (and stays there). */
    private BayesChangeFeed writerAt(Duration offset) {
        SettableClock clock = new SettableClock();
        clock.advance(Duration.between(clock.instant(), readerClock.instant()).plus(offset));
        return new BayesChangeFeed(keyspace.nodeB(), clock);
    }

    /** Reads every {@link #STEP} of the reader's clock for {@code duration}, adding what it finds to {@code seen}. */
    private BayesChangeFeed.Position readFor(Duration duration, BayesChangeFeed.Position from, Set<String> seen) {
        BayesChangeFeed.Position position = from;
        for (Duration waited = Duration.ZERO; waited.compareTo(duration) < 0; waited = waited.plus(STEP)) {
            BayesChangeFeed.Batch batch = reader.read(position, 100);
            seen.addAll(batch.keys());
            position = batch.next();
            readerClock.advance(STEP);
        }
        return position;
    }
}
