package org.hackablemail.core.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.hackablemail.core.Owner;
import org.hackablemail.core.SettableClock;
import org.hackablemail.plugin.email.HeaderChange;
import org.junit.jupiter.api.Test;

/**
 * What every {@link TraceStore} must do, whatever holds it. A back-end's test extends this class and gives a store
 * on storage of its own for each test.
 */
public abstract class TraceStoreContract {
    protected static final Owner BOB = Owner.of("bob@example.org");
    protected static final Owner CAROL = Owner.of("carol@example.org");
    private static final TraceRetention ROOMY = new TraceRetention(1000, 10_000_000, Duration.ofDays(30));

    protected final SettableClock clock = new SettableClock();

    /**
     * A store on this test's storage, which is empty at the first call of a test. Later calls in the same test give
     * a store on the same storage, as after a restart.
     */
    protected abstract TraceStore store(TraceRetention retention, Clock clock);

    /** A store on the same storage as {@code first}, used from another node; {@code first} by default. */
    protected TraceStore otherNode(TraceStore first) {
        return first;
    }

    protected static TraceEntry entry(Owner owner, Instant time, String subject) {
        return new TraceEntry(0, time, owner, 1, "<" + subject + "@example.org>", "alice@example.org", subject,
            "delivered", 0, null, 1.5, null, null, List.of());
    }

    private TraceEntry append(TraceStore store, Owner owner, String subject) {
        TraceEntry stored = store.append(entry(owner, clock.instant(), subject));
        clock.advance(Duration.ofSeconds(1));
        return stored;
    }

    private static List<String> subjects(TracePage page) {
        return page.entries().stream().map(TraceEntry::subject).toList();
    }

    @Test
    void appendShouldGiveEachEntryAGreaterIdThanTheOneBefore() {
        TraceStore store = store(ROOMY, clock);

        long first = store.append(entry(BOB, clock.instant(), "one")).id();
        long second = store.append(entry(BOB, clock.instant(), "two")).id();

        assertThat(first).isPositive();
        assertThat(second).isGreaterThan(first);
        assertThat(store.latestId(BOB)).isEqualTo(second);
    }

    @Test
    void latestIdShouldBeZeroForAnOwnerWithoutTrace() {
        assertThat(store(ROOMY, clock).latestId(BOB)).isZero();
    }

    @Test
    void readShouldGiveEveryFieldBackAfterARestart() {
        TraceEntry full = new TraceEntry(0, clock.instant(), BOB, 3, "<id@example.org>", "alice@example.org",
            "Lunch <b>?</b>", "failed:timeout", null, new TraceEntry.Failure("timeout", "no result within 1000 ms"),
            12.25, new TraceEntry.Delivered(List.of(new HeaderChange("Subject", "[tagged] Lunch"),
                new HeaderChange("X-Removed", null)), true),
            new TraceEntry.Reply("RE: Lunch"), List.of(new TraceEntry.Log("INFO", "hello\nworld")));
        TraceEntry stored = store(ROOMY, clock).append(full);

        assertThat(store(ROOMY, clock).read(BOB, TraceQuery.latest(10)).entries()).containsExactly(stored);
        assertThat(stored).isEqualTo(full.withId(stored.id()));
    }

    @Test
    void readShouldGiveTheLatestEntriesOldestFirstAndSayThatThereAreMore() {
        TraceStore store = store(ROOMY, clock);
        List.of("a", "b", "c", "d").forEach(subject -> append(store, BOB, subject));

        TracePage page = store.read(BOB, TraceQuery.latest(2));

        assertThat(subjects(page)).containsExactly("c", "d");
        assertThat(page.more()).isTrue();
    }

    @Test
    void readBeforeAnIdShouldPageBackThroughOlderEntries() {
        TraceStore store = store(ROOMY, clock);
        List.of("a", "b", "c", "d", "e").forEach(subject -> append(store, BOB, subject));
        TracePage latest = store.read(BOB, TraceQuery.latest(2));

        TracePage older = store.read(BOB, new TraceQuery(OptionalLong.empty(),
            OptionalLong.of(latest.entries().get(0).id()), Optional.empty(), 2));
        TracePage oldest = store.read(BOB, new TraceQuery(OptionalLong.empty(),
            OptionalLong.of(older.entries().get(0).id()), Optional.empty(), 2));

        assertThat(subjects(older)).containsExactly("b", "c");
        assertThat(older.more()).isTrue();
        assertThat(subjects(oldest)).containsExactly("a");
        assertThat(oldest.more()).isFalse();
    }

    @Test
    void readAfterAnIdShouldGiveTheFirstEntriesRecordedAfterIt() {
        TraceStore store = store(ROOMY, clock);
        TraceEntry a = append(store, BOB, "a");
        List.of("b", "c", "d").forEach(subject -> append(store, BOB, subject));

        TracePage page = store.read(BOB, TraceQuery.after(a.id(), 2));

        assertThat(subjects(page)).containsExactly("b", "c");
        assertThat(page.more()).isTrue();
        assertThat(store.read(BOB, TraceQuery.after(page.entries().get(1).id(), 2)).more()).isFalse();
    }

    @Test
    void readSinceATimeShouldLeaveOutOlderEntries() {
        TraceStore store = store(ROOMY, clock);
        append(store, BOB, "old");
        Instant since = clock.instant();
        append(store, BOB, "new");

        TracePage page = store.read(BOB, new TraceQuery(OptionalLong.empty(), OptionalLong.empty(), Optional.of(since), 10));

        assertThat(subjects(page)).containsExactly("new");
    }

    @Test
    void readShouldNeverGiveAnotherOwnersEntries() {
        TraceStore store = store(ROOMY, clock);
        append(store, BOB, "for bob");
        TraceEntry carols = append(store, CAROL, "for carol");

        assertThat(subjects(store.read(BOB, TraceQuery.latest(10)))).containsExactly("for bob");
        assertThat(subjects(store.read(BOB, TraceQuery.after(0, 10)))).containsExactly("for bob");
        assertThat(subjects(store.read(CAROL, TraceQuery.latest(10)))).containsExactly("for carol");
        assertThat(store.latestId(CAROL)).isEqualTo(carols.id());
    }

    @Test
    void retentionShouldKeepTheNewestEntriesWithinTheCount() {
        TraceStore store = store(new TraceRetention(3, 10_000_000, Duration.ofDays(1)), clock);
        for (int i = 0; i < 20; i++) {
            append(store, BOB, "m" + i);
        }

        assertThat(subjects(store.read(BOB, TraceQuery.latest(100)))).containsExactly("m17", "m18", "m19");
        assertThat(subjects(store(new TraceRetention(3, 10_000_000, Duration.ofDays(1)), clock)
            .read(BOB, TraceQuery.latest(100)))).containsExactly("m17", "m18", "m19");
    }

    @Test
    void retentionShouldKeepTheNewestEntriesWithinTheWeight() {
        long weight = entry(BOB, clock.instant(), "m10").weight();
        TraceStore store = store(new TraceRetention(1000, weight * 2, Duration.ofDays(1)), clock);
        for (int i = 10; i < 30; i++) {
            append(store, BOB, "m" + i);
        }

        assertThat(subjects(store.read(BOB, TraceQuery.latest(100)))).containsExactly("m28", "m29");
    }

    @Test
    void retentionShouldLetEntriesOlderThanTheAgeGo() {
        TraceStore store = store(new TraceRetention(1000, 10_000_000, Duration.ofHours(1)), clock);
        append(store, BOB, "old");
        clock.advance(Duration.ofMinutes(90));
        append(store, BOB, "recent");

        assertThat(subjects(store.read(BOB, TraceQuery.latest(100)))).containsExactly("recent");
    }

    @Test
    void purgeExpiredShouldKeepWhatIsWithinTheAge() {
        TraceStore store = store(new TraceRetention(1000, 10_000_000, Duration.ofHours(1)), clock);
        append(store, BOB, "recent");

        store.purgeExpired();

        assertThat(subjects(store.read(BOB, TraceQuery.latest(100)))).containsExactly("recent");
    }

    @Test
    void deleteShouldForgetTheOwnersTraceOnly() {
        TraceStore store = store(ROOMY, clock);
        append(store, BOB, "bob's");
        append(store, CAROL, "carol's");

        store.delete(BOB);

        assertThat(store.read(BOB, TraceQuery.latest(10)).entries()).isEmpty();
        assertThat(subjects(store.read(CAROL, TraceQuery.latest(10)))).containsExactly("carol's");
    }

    @Test
    void idsShouldKeepIncreasingAfterADeleteAndARestart() {
        TraceStore store = store(ROOMY, clock);
        long before = append(store, BOB, "first").id();
        store.delete(BOB);

        long after = append(store(ROOMY, clock), BOB, "second").id();

        assertThat(after).isGreaterThan(before);
    }

    @Test
    void anEntryAppendedOnOneNodeShouldBeReadOnTheOther() {
        TraceStore store = store(ROOMY, clock);
        TraceEntry stored = append(store, BOB, "hello");

        TraceStore other = otherNode(store);

        assertThat(subjects(other.read(BOB, TraceQuery.latest(10)))).containsExactly("hello");
        assertThat(other.latestId(BOB)).isEqualTo(stored.id());
    }
}
