package org.hackablemail.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.hackablemail.core.Concurrently;
import org.hackablemail.core.Owner;
import org.junit.jupiter.api.Test;

/**
 * What every {@link GuestStore} must do, whatever holds it: single-use invites and invite intervals also when nodes
 * act at the same moment, tokens and guests. A back-end's test extends this class and gives a store on storage of
 * its own for each test.
 */
public abstract class GuestStoreContract {
    protected static final Owner ALICE = Owner.of("alice@example.org");
    protected static final Owner BOB = Owner.of("bob@example.org");
    protected static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    protected static final Duration INTERVAL = Duration.ofMinutes(10);
    private static final int ROUNDS = 50;
    private static final int CONTENDERS = 4;

    /**
     * A store on this test's storage, which is empty at the first call of a test. Later calls in the same test give
     * a store on the same storage, as after a restart.
     */
    protected abstract GuestStore store();

    /**
     * A store on the same storage as {@code first}, used at the same time from another node. The default is
     * {@code first} itself, for back-ends that serve one node.
     */
    protected GuestStore otherNode(GuestStore first) {
        return first;
    }

    private GuestStore node(GuestStore first, int index) {
        return index % 2 == 0 ? first : otherNode(first);
    }

    @Test
    void claimInviteSlotShouldBeRefusedWithinTheIntervalAndGrantedAfterIt() {
        GuestStore store = store();

        assertThat(store.claimInviteSlot(ALICE, NOW, INTERVAL)).isTrue();
        assertThat(store.claimInviteSlot(ALICE, NOW.plus(INTERVAL).minusSeconds(1), INTERVAL)).isFalse();
        assertThat(store.claimInviteSlot(BOB, NOW, INTERVAL)).isTrue();
        assertThat(store().claimInviteSlot(ALICE, NOW.plus(INTERVAL), INTERVAL)).isTrue();
    }

    @Test
    void ofConcurrentClaimsForOneAddressOneShouldBeGranted() throws Exception {
        GuestStore store = store();
        for (int round = 0; round < ROUNDS; round++) {
            Instant at = NOW.plus(INTERVAL.multipliedBy(2L * round));

            List<Boolean> granted = Concurrently.run(CONTENDERS, index ->
                () -> node(store, index).claimInviteSlot(ALICE, at, INTERVAL));

            assertThat(granted).as("round %d", round).containsOnlyOnce(true);
        }
    }

    @Test
    void consumeInviteShouldGiveTheAddressOnce() {
        GuestStore store = store();
        store.addInvite("code", ALICE, NOW.plus(INTERVAL));

        assertThat(store.consumeInvite("code", NOW)).contains(ALICE);
        assertThat(store.consumeInvite("code", NOW)).isEmpty();
        assertThat(store().consumeInvite("code", NOW)).isEmpty();
    }

    @Test
    void consumeInviteShouldGiveNothingWhenTheInviteExpired() {
        GuestStore store = store();
        store.addInvite("code", ALICE, NOW.plus(INTERVAL));

        assertThat(store.consumeInvite("code", NOW.plus(INTERVAL))).isEmpty();
    }

    @Test
    void consumeInviteShouldGiveNothingWhenTheCodeIsUnknown() {
        assertThat(store().consumeInvite("unknown", NOW)).isEmpty();
    }

    @Test
    void anInviteShouldSurviveARestart() {
        store().addInvite("code", ALICE, NOW.plus(INTERVAL));

        assertThat(store().consumeInvite("code", NOW)).contains(ALICE);
    }

    @Test
    void ofConcurrentRedemptionsOfOneCodeExactlyOneShouldGetTheAddress() throws Exception {
        GuestStore store = store();
        for (int round = 0; round < ROUNDS; round++) {
            String code = "code-" + round;
            store.addInvite(code, ALICE, NOW.plus(INTERVAL));

            List<Optional<Owner>> redeemed = Concurrently.run(CONTENDERS, index ->
                () -> node(store, index).consumeInvite(code, NOW));

            assertThat(redeemed).as("round %d", round).containsOnlyOnce(Optional.of(ALICE));
        }
    }

    @Test
    void addGuestShouldReturnFalseWhenTheAddressIsAlreadyAGuest() {
        GuestStore store = store();

        assertThat(store.addGuest(ALICE)).isTrue();
        assertThat(store.addGuest(ALICE)).isFalse();
        assertThat(store().isGuest(ALICE)).isTrue();
        assertThat(store.isGuest(BOB)).isFalse();
    }

    @Test
    void removeGuestShouldReturnFalseWhenItWasNotAGuest() {
        GuestStore store = store();
        store.addGuest(ALICE);

        assertThat(store.removeGuest(ALICE)).isTrue();
        assertThat(store.removeGuest(ALICE)).isFalse();
        assertThat(store.isGuest(ALICE)).isFalse();
    }

    @Test
    void guestsShouldCountEachGuestsTokens() {
        GuestStore store = store();
        store.addGuest(ALICE);
        store.addGuest(BOB);
        store.addToken("t1", new GuestStore.TokenGrant(ALICE, NOW));
        store.addToken("t2", new GuestStore.TokenGrant(ALICE, NOW));

        assertThat(store().guests()).containsExactlyInAnyOrder(new GuestStore.Guest(ALICE, 2),
            new GuestStore.Guest(BOB, 0));
    }

    @Test
    void tokenShouldGiveTheGrantUntilTheTokenIsRemoved() {
        GuestStore store = store();
        GuestStore.TokenGrant grant = new GuestStore.TokenGrant(ALICE, NOW);
        store.addToken("t1", grant);

        assertThat(store().token("t1")).contains(grant);
        assertThat(store.removeToken("t1")).contains(grant);
        assertThat(store.token("t1")).isEmpty();
        assertThat(store.removeToken("t1")).isEmpty();
    }

    @Test
    void removeTokensShouldRemoveEveryTokenOfTheAddressOnly() {
        GuestStore store = store();
        store.addToken("a1", new GuestStore.TokenGrant(ALICE, NOW));
        store.addToken("a2", new GuestStore.TokenGrant(ALICE, NOW));
        store.addToken("b1", new GuestStore.TokenGrant(BOB, NOW));

        assertThat(store.removeTokens(ALICE)).isEqualTo(2);

        assertThat(store.token("a1")).isEmpty();
        assertThat(store.token("a2")).isEmpty();
        assertThat(store.token("b1")).isPresent();
        assertThat(store.removeTokens(ALICE)).isZero();
    }

    @Test
    void aTokenRemovedOnOneNodeShouldBeRefusedOnTheOther() {
        GuestStore store = store();
        GuestStore other = otherNode(store);
        store.addToken("t1", new GuestStore.TokenGrant(ALICE, NOW));
        assertThat(other.token("t1")).isPresent();

        store.removeToken("t1");

        assertThat(other.token("t1")).isEmpty();
    }
}
