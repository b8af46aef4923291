package org.hackablemail.core.circuit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.hackablemail.core.Owner;
import org.junit.jupiter.api.Test;

/** What every {@link CircuitStore} must do; each back-end's test extends it. */
public abstract class CircuitStoreContract {
    protected static final Owner BOB = Owner.of("bob@example.org");
    protected static final Owner CAROL = Owner.of("carol@example.org");
    protected static final Circuit SUSPENDED = new Circuit(0, 5, List.of("a@x.example", "b@y.example", ""),
        List.of("trap: unreachable", "timeout: no result within 1000 ms"), Optional.of(Instant.parse("2026-01-02T03:04:05Z")),
        Fallback.SPAM);

    /** A store with nothing in it. */
    protected abstract CircuitStore store();

    @Test
    void readShouldGiveTheInitialStateWhenNothingWasStored() {
        assertThat(store().read(BOB)).isEqualTo(Circuit.INITIAL);
    }

    @Test
    void commitShouldStoreEveryFieldAsTheNextVersion() {
        CircuitStore store = store();

        assertThat(store.commit(BOB, 0, SUSPENDED)).isTrue();

        assertThat(store.read(BOB)).isEqualTo(SUSPENDED.atVersion(1));
        assertThat(store.read(CAROL)).isEqualTo(Circuit.INITIAL);
    }

    @Test
    void commitShouldChangeNothingWhenTheVersionIsStale() {
        CircuitStore store = store();
        store.commit(BOB, 0, SUSPENDED);

        assertThat(store.commit(BOB, 0, Circuit.INITIAL.withFallback(Fallback.DELIVER))).isFalse();
        assertThat(store.commit(BOB, 2, Circuit.INITIAL)).isFalse();

        assertThat(store.read(BOB)).isEqualTo(SUSPENDED.atVersion(1));
    }

    @Test
    void commitShouldLetExactlyOneOfConcurrentWritersWin() throws Exception {
        CircuitStore store = store();
        int writers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String sender = "sender" + i + "@example.org";
                results.add(threads.submit(() -> {
                    start.await();
                    return store.commit(BOB, 0, Circuit.INITIAL.withFailure(sender, "trap", 3));
                }));
            }
            start.countDown();
            int won = 0;
            for (Future<Boolean> result : results) {
                won += result.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
            assertThat(store.read(BOB).version()).isEqualTo(1);
        } finally {
            threads.shutdown();
        }
    }

    @Test
    void deleteShouldForgetTheStateAndStartTheVersionsAgain() {
        CircuitStore store = store();
        store.commit(BOB, 0, SUSPENDED);

        store.delete(BOB);

        assertThat(store.read(BOB)).isEqualTo(Circuit.INITIAL);
        assertThat(store.commit(BOB, 0, SUSPENDED)).isTrue();
    }

    @Test
    void suspendedShouldListOnlyTheOwnersWhosePluginIsSuspended() {
        CircuitStore store = store();
        store.commit(BOB, 0, SUSPENDED);
        store.commit(CAROL, 0, Circuit.INITIAL.withFailure("a@x.example", "trap", 3));

        assertThat(store.suspended()).containsExactly(BOB);
    }

    @Test
    void suspendedShouldNotListAnOwnerWhoseSuspensionWasLiftedOrForgotten() {
        CircuitStore store = store();
        store.commit(BOB, 0, SUSPENDED);
        store.commit(CAROL, 0, SUSPENDED);

        assertThat(store.commit(BOB, 1, SUSPENDED.reset())).isTrue();
        store.delete(CAROL);

        assertThat(store.suspended()).isEmpty();
    }

    @Test
    void suspendedShouldNotListAnOwnerWhoseSuspendingCommitLost() {
        CircuitStore store = store();
        store.commit(BOB, 0, Circuit.INITIAL.withFailure("a@x.example", "trap", 3));

        assertThat(store.commit(BOB, 0, SUSPENDED)).isFalse();

        assertThat(store.suspended()).isEmpty();
    }

    @Test
    void suspendedShouldListAnOwnerSuspendedAgainAfterBeingListedAsLifted() {
        CircuitStore store = store();
        store.commit(BOB, 0, SUSPENDED);
        store.commit(BOB, 1, SUSPENDED.reset());
        assertThat(store.suspended()).isEmpty();

        assertThat(store.commit(BOB, 2, SUSPENDED)).isTrue();

        assertThat(store.suspended()).containsExactly(BOB);
        assertThat(store.suspended()).containsExactly(BOB);
    }
}
