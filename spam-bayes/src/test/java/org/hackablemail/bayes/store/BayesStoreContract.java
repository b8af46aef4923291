package org.hackablemail.bayes.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.hackablemail.bayes.TokenCount;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link BayesStore}: every implementation's test extends this class (it is in the spam-bayes
 * test-jar). A subclass gives a fresh, empty store per test, a way to close and reopen it, and, for stores shared by
 * several nodes, a second client on the same data.
 */
public abstract class BayesStoreContract {
    protected static final Scope ALICE = Scope.user("alice@example.org");
    protected static final Scope BOB = Scope.user("bob@example.org");
    private static final Set<String> NEWSLETTER = Set.of("weekly", "digest", "subject:offers", "url:news.example",
        "unsubscribe", "deals", "from:news", "today", "discount", "coupon", "header:list-id");

    /** The store under test: the same instance for the whole test, empty at its start. */
    protected abstract BayesStore store();

    /** Closes the store and opens it again on the same data; {@link #store()} returns the new one afterwards. */
    protected abstract BayesStore reopen();

    /** Another client of the same data, as a second node would hold; empty for single-node stores. */
    protected Optional<BayesStore> secondClient() {
        return Optional.empty();
    }

    private static TrainingKey key(Scope scope, String id) {
        return TrainingKey.mailboxMessage(scope, id);
    }

    private static EntryWrite write(TrainingKey key, EntryState state, Set<String> tokens) {
        return new EntryWrite(key, state, Source.MOVE, () -> Teaching.of(tokens));
    }

    private static EntryWrite write(TrainingKey key, EntryState state, Supplier<Teaching> teaching) {
        return new EntryWrite(key, state, Source.MOVE, teaching);
    }

    private static Supplier<Teaching> mustNotBeCalled() {
        return () -> {
            throw new AssertionError("The store asked for a teaching it already has");
        };
    }

    @Test
    void shouldFindNothingWhenMessageWasNeverTrained() {
        assertThat(store().entry(key(ALICE, "1"))).isEmpty();
    }

    @Test
    void shouldRecordWhatAMessageTeachesWhenFirstLearnt() {
        Optional<TrainingEntry> written = store().write(write(key(ALICE, "1"), EntryState.SPAM, NEWSLETTER));

        assertThat(written).isPresent();
        TrainingEntry entry = store().entry(key(ALICE, "1")).orElseThrow();
        assertThat(entry).isEqualTo(written.get());
        assertThat(entry.state()).isEqualTo(EntryState.SPAM);
        assertThat(entry.teaching().tokens()).isEqualTo(NEWSLETTER);
        assertThat(entry.teaching().print()).isEqualTo(ClassPrint.ofTokens(NEWSLETTER)).isNotEqualTo(ClassPrint.NONE);
        assertThat(entry.source()).isEqualTo(Source.MOVE);
        assertThat(entry.revision()).isEqualTo(1);
    }

    @Test
    void shouldChangeNothingWhenTheSameStateIsWrittenAgain() {
        store().write(write(key(ALICE, "1"), EntryState.SPAM, NEWSLETTER));
        ChangeCursor cursor = store().cursor();

        Optional<TrainingEntry> again = store().write(write(key(ALICE, "1"), EntryState.SPAM, mustNotBeCalled()));

        assertThat(again).isEmpty();
        assertThat(store().entry(key(ALICE, "1")).orElseThrow().revision()).isEqualTo(1);
        assertThat(store().changesSince(cursor, 100).entries()).isEmpty();
    }

    @Test
    void shouldKeepTheTeachingAndCountARevisionWhenRelabelled() {
        store().write(write(key(ALICE, "1"), EntryState.SPAM, NEWSLETTER));

        TrainingEntry ham = store().write(write(key(ALICE, "1"), EntryState.HAM, mustNotBeCalled())).orElseThrow();

        assertThat(ham.state()).isEqualTo(EntryState.HAM);
        assertThat(ham.revision()).isEqualTo(2);
        assertThat(ham.teaching().tokens()).isEqualTo(NEWSLETTER);
        assertThat(store().entry(key(ALICE, "1"))).contains(ham);
    }

    @Test
    void shouldKeepAForgottenEntryWithItsTeaching() {
        store().write(write(key(ALICE, "1"), EntryState.SPAM, NEWSLETTER));

        TrainingEntry forgotten = store().write(write(key(ALICE, "1"), EntryState.FORGOTTEN, mustNotBeCalled())).orElseThrow();

        assertThat(forgotten.state()).isEqualTo(EntryState.FORGOTTEN);
        assertThat(forgotten.revision()).isEqualTo(2);
        assertThat(store().entry(key(ALICE, "1")).orElseThrow().teaching().tokens()).isEqualTo(NEWSLETTER);
    }

    @Test
    void shouldDoNothingWhenForgettingAMessageNeverTrained() {
        ChangeCursor cursor = store().cursor();

        assertThat(store().write(write(key(ALICE, "1"), EntryState.FORGOTTEN, mustNotBeCalled()))).isEmpty();

        assertThat(store().entry(key(ALICE, "1"))).isEmpty();
        assertThat(store().changesSince(cursor, 100).entries()).isEmpty();
    }

    @Test
    void shouldRelearnAForgottenMessageWithItsFirstTeaching() {
        store().write(write(key(ALICE, "1"), EntryState.SPAM, NEWSLETTER));
        store().write(write(key(ALICE, "1"), EntryState.FORGOTTEN, mustNotBeCalled()));

        TrainingEntry relearnt = store().write(write(key(ALICE, "1"), EntryState.HAM, mustNotBeCalled())).orElseThrow();

        assertThat(relearnt.revision()).isEqualTo(3);
        assertThat(relearnt.teaching().tokens()).isEqualTo(NEWSLETTER);
    }

    @Test
    void shouldKeepScopesApartWhenTheyTrainTheSameMessage() {
        store().write(write(key(ALICE, "1"), EntryState.SPAM, NEWSLETTER));
        store().write(write(key(BOB, "1"), EntryState.HAM, Set.of("other")));
        store().write(write(TrainingKey.mailboxMessage(Scope.SHARED, "1"), EntryState.SPAM, Set.of("shared")));

        assertThat(store().entry(key(ALICE, "1")).orElseThrow().state()).isEqualTo(EntryState.SPAM);
        assertThat(store().entry(key(BOB, "1")).orElseThrow().teaching().tokens()).containsExactly("other");
        assertThat(store().entry(TrainingKey.mailboxMessage(Scope.SHARED, "1")).orElseThrow().teaching().tokens())
            .containsExactly("shared");
    }

    @Test
    void shouldListTheEntriesThatTeachOfOneScopeOrOfAll() {
        store().write(write(key(ALICE, "1"), EntryState.SPAM, NEWSLETTER));
        store().write(write(key(ALICE, "2"), EntryState.HAM, Set.of("meeting")));
        store().write(write(key(ALICE, "3"), EntryState.SPAM, Set.of("gone")));
        store().write(write(key(ALICE, "3"), EntryState.FORGOTTEN, mustNotBeCalled()));
        store().write(write(key(BOB, "1"), EntryState.SPAM, Set.of("bob")));
        store().write(write(TrainingKey.content(Scope.SHARED, new byte[] {1}), EntryState.HAM, Set.of("admin")));

        assertThat(keysOf(Optional.of(ALICE))).containsExactlyInAnyOrder(key(ALICE, "1"), key(ALICE, "2"));
        assertThat(keysOf(Optional.of(Scope.SHARED))).containsExactly(TrainingKey.content(Scope.SHARED, new byte[] {1}));
        assertThat(keysOf(Optional.empty())).hasSize(4);
    }

    @Test
    void shouldAnswerEachWriteOfABatchAsAWriteAloneWould() {
        store().write(write(key(ALICE, "known"), EntryState.SPAM, NEWSLETTER));

        List<Optional<TrainingEntry>> results = store().writeAll(List.of(
            write(key(ALICE, "known"), EntryState.SPAM, mustNotBeCalled()),
            write(key(ALICE, "new"), EntryState.HAM, Set.of("fresh")),
            write(key(ALICE, "new"), EntryState.HAM, mustNotBeCalled()),
            write(key(ALICE, "new"), EntryState.SPAM, mustNotBeCalled()),
            write(key(ALICE, "never"), EntryState.FORGOTTEN, mustNotBeCalled())));

        assertThat(results.get(0)).isEmpty();
        assertThat(results.get(1).orElseThrow().revision()).isEqualTo(1);
        assertThat(results.get(2)).isEmpty();
        assertThat(results.get(3).orElseThrow().revision()).isEqualTo(2);
        assertThat(results.get(4)).isEmpty();
        assertThat(store().entry(key(ALICE, "new")).orElseThrow().state()).isEqualTo(EntryState.SPAM);
    }

    @Test
    void shouldShowEveryChangeAfterTheCursorForgottenOnesIncluded() {
        store().write(write(key(ALICE, "before"), EntryState.SPAM, Set.of("old")));
        ChangeCursor cursor = store().cursor();
        store().write(write(key(ALICE, "1"), EntryState.SPAM, NEWSLETTER));
        store().write(write(key(ALICE, "before"), EntryState.FORGOTTEN, mustNotBeCalled()));
        store().write(write(key(BOB, "2"), EntryState.HAM, Set.of("meeting")));

        Changes changes = drain(store(), cursor);

        assertThat(changes.rebuild()).isFalse();
        Map<TrainingKey, TrainingEntry> latest = latest(changes.entries());
        assertThat(latest).containsOnlyKeys(key(ALICE, "1"), key(ALICE, "before"), key(BOB, "2"));
        assertThat(latest.get(key(ALICE, "before")).state()).isEqualTo(EntryState.FORGOTTEN);
        assertThat(latest.get(key(ALICE, "before")).teaching().tokens()).containsExactly("old");
        assertThat(store().changesSince(changes.next(), 100).entries()).isEmpty();
    }

    @Test
    void shouldDeliverTheWholeFeedWhenReadInSmallBatches() {
        ChangeCursor cursor = store().cursor();
        IntStream.range(0, 25).forEach(i -> store().write(write(key(ALICE, "m" + i), EntryState.SPAM, Set.of("t" + i))));

        Set<TrainingKey> seen = new HashSet<>();
        for (int round = 0; round < 100; round++) {
            Changes changes = store().changesSince(cursor, 4);
            changes.entries().forEach(entry -> seen.add(entry.key()));
            if (changes.entries().isEmpty()) {
                break;
            }
            cursor = changes.next();
        }

        assertThat(seen).hasSize(25);
    }

    @Test
    void shouldAskReadersToRebuildAndForgetEverythingWhenReset() {
        store().write(write(key(ALICE, "1"), EntryState.SPAM, NEWSLETTER));
        ChangeCursor cursor = store().cursor();
        Baseline imported = new Baseline(Map.of("viagra", new TokenCount(3, 0), "meeting", new TokenCount(0, 2)), 3, 2);

        store().reset(imported);

        assertThat(store().changesSince(cursor, 100).rebuild()).isTrue();
        assertThat(store().entry(key(ALICE, "1"))).isEmpty();
        assertThat(keysOf(Optional.empty())).isEmpty();
        assertThat(store().baseline()).isEqualTo(imported);
        assertThat(store().changesSince(store().cursor(), 100).rebuild()).isFalse();
    }

    @Test
    void shouldStartWithAnEmptyBaseline() {
        assertThat(store().baseline()).isEqualTo(Baseline.EMPTY);
    }

    @Test
    void shouldKeepEntriesBaselineAndFeedPositionWhenReopened() {
        store().reset(new Baseline(Map.of("viagra", new TokenCount(1, 0)), 1, 0));
        store().write(write(key(ALICE, "1"), EntryState.SPAM, NEWSLETTER));
        store().write(write(key(ALICE, "1"), EntryState.HAM, mustNotBeCalled()));
        ChangeCursor cursor = store().cursor();

        BayesStore reopened = reopen();

        assertThat(reopened.entry(key(ALICE, "1")).orElseThrow().revision()).isEqualTo(2);
        assertThat(reopened.baseline().counts()).containsEntry("viagra", new TokenCount(1, 0));
        assertThat(reopened.changesSince(cursor, 100).rebuild()).isFalse();
        reopened.write(write(key(BOB, "2"), EntryState.SPAM, Set.of("after")));
        assertThat(drain(reopened, cursor).entries()).extracting(TrainingEntry::key).contains(key(BOB, "2"));
    }

    @Test
    void shouldLeaveNothingBehindWhenATeachingCannotBeComputed() {
        ChangeCursor cursor = store().cursor();
        Supplier<Teaching> unreadable = () -> {
            throw new IllegalStateException("message gone");
        };

        assertThatThrownBy(() -> store().writeAll(List.of(
            write(key(ALICE, "fine"), EntryState.SPAM, NEWSLETTER),
            write(key(ALICE, "broken"), EntryState.SPAM, unreadable))))
            .hasMessageContaining("message gone");

        assertThat(store().entry(key(ALICE, "fine"))).isEmpty();
        assertThat(store().entry(key(ALICE, "broken"))).isEmpty();
        assertThat(store().changesSince(cursor, 100).entries()).isEmpty();
        assertThat(store().write(write(key(ALICE, "fine"), EntryState.SPAM, NEWSLETTER))).isPresent();
    }

    @Test
    void shouldKeepUnusualTokensAndLargeTeachingsIntact() {
        Set<String> tokens = IntStream.range(0, 5_000).mapToObj(i -> "tök-" + i + "-日本語-\u00e9").collect(Collectors.toSet());
        tokens.add("subject:ça");

        store().write(write(key(ALICE, "big"), EntryState.HAM, tokens));

        assertThat(store().entry(key(ALICE, "big")).orElseThrow().teaching().tokens()).isEqualTo(tokens);
    }

    @Test
    void shouldGiveEveryChangeItsOwnRevisionWhenWritersRace() {
        TrainingKey contested = key(ALICE, "contested");
        ConcurrentLinkedQueue<Long> revisions = new ConcurrentLinkedQueue<>();
        List<CompletableFuture<Void>> writers = new ArrayList<>();
        for (int writer = 0; writer < 4; writer++) {
            int offset = writer;
            writers.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 25; i++) {
                    EntryState state = (i + offset) % 2 == 0 ? EntryState.SPAM : EntryState.HAM;
                    store().write(write(contested, state, NEWSLETTER)).ifPresent(entry -> revisions.add(entry.revision()));
                }
            }));
        }
        CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).join();

        TrainingEntry last = store().entry(contested).orElseThrow();
        assertThat(revisions).doesNotHaveDuplicates().hasSize((int) last.revision());
        assertThat(last.teaching().tokens()).isEqualTo(NEWSLETTER);
    }

    @Test
    void shouldShowAnotherClientsWritesInTheFeed() {
        Assumptions.assumeTrue(secondClient().isPresent(), "a single-node store has no second client");
        BayesStore other = secondClient().get();
        ChangeCursor cursor = store().cursor();

        other.write(write(key(BOB, "elsewhere"), EntryState.SPAM, NEWSLETTER));
        store().write(write(key(BOB, "elsewhere"), EntryState.HAM, mustNotBeCalled()));

        Map<TrainingKey, TrainingEntry> latest = latest(drain(store(), cursor).entries());
        assertThat(latest.get(key(BOB, "elsewhere")).revision()).isEqualTo(2);
        assertThat(other.entry(key(BOB, "elsewhere")).orElseThrow().state()).isEqualTo(EntryState.HAM);
    }

    @Test
    void shouldKeepEveryWriteOfConcurrentWritersWhenClosedAndReopened() {
        ChangeCursor cursor = store().cursor();
        List<CompletableFuture<Void>> writers = new ArrayList<>();
        for (int writer = 0; writer < 8; writer++) {
            int offset = writer;
            writers.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 50; i++) {
                    store().write(write(key(ALICE, offset + "-" + i), i % 2 == 0 ? EntryState.SPAM : EntryState.HAM,
                        Set.of("token-" + i)));
                }
            }));
        }
        CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).join();

        BayesStore reopened = reopen();

        assertThat(reopened.entry(key(ALICE, "7-49")).orElseThrow().state()).isEqualTo(EntryState.HAM);
        assertThat(reopened.entry(key(ALICE, "3-10")).orElseThrow().state()).isEqualTo(EntryState.SPAM);
        Set<TrainingKey> all = new HashSet<>();
        reopened.forEachEntry(Optional.of(ALICE), entry -> all.add(entry.key()));
        assertThat(all).hasSize(400);
        assertThat(latest(drain(reopened, cursor).entries())).hasSize(400)
            .allSatisfy((key, entry) -> assertThat(entry.revision()).isEqualTo(1));
    }

    @Test
    void shouldCountAMessageOnceWhenItIsLearntTwiceInARow() {
        ChangeCursor cursor = store().cursor();

        assertThat(store().write(write(key(ALICE, "twice"), EntryState.SPAM, NEWSLETTER))).isPresent();
        assertThat(store().write(write(key(ALICE, "twice"), EntryState.SPAM, mustNotBeCalled()))).isEmpty();

        assertThat(drain(store(), cursor).entries()).extracting(TrainingEntry::revision).containsExactly(1L);
        assertThat(reopen().entry(key(ALICE, "twice")).orElseThrow().revision()).isEqualTo(1);
    }

    private Set<TrainingKey> keysOf(Optional<Scope> scope) {
        Set<TrainingKey> keys = new HashSet<>();
        store().forEachEntry(scope, entry -> keys.add(entry.key()));
        return keys;
    }

    /** Every change after the cursor, following the feed to its end. */
    protected static Changes drain(BayesStore store, ChangeCursor cursor) {
        List<TrainingEntry> entries = new ArrayList<>();
        ChangeCursor position = cursor;
        for (int round = 0; round < 1_000; round++) {
            Changes changes = store.changesSince(position, 100);
            if (changes.rebuild()) {
                return changes;
            }
            entries.addAll(changes.entries());
            if (changes.entries().isEmpty()) {
                return new Changes(entries, changes.next(), false);
            }
            position = changes.next();
        }
        throw new AssertionError("The change feed never ends");
    }

    private static Map<TrainingKey, TrainingEntry> latest(List<TrainingEntry> entries) {
        return entries.stream().collect(Collectors.toMap(TrainingEntry::key, entry -> entry,
            (a, b) -> a.revision() >= b.revision() ? a : b));
    }
}
