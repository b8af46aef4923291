package org.hackablemail.core.guests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.hackablemail.core.Concurrently;
import org.hackablemail.core.Owner;
import org.hackablemail.core.SettableClock;
import org.hackablemail.core.cache.ManualExecutor;
import org.hackablemail.core.cache.RefreshPolicy;
import org.hackablemail.core.store.GuestStore;
import org.hackablemail.core.store.VariableQuotas;
import org.hackablemail.core.store.VariableStore;
import org.hackablemail.core.store.fs.FileAuditLog;
import org.hackablemail.core.store.fs.FileSystemGuestStore;
import org.hackablemail.core.store.fs.FileSystemVariableStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GuestAccessTest {
    private static final Duration VALIDITY = Duration.ofDays(7);
    private static final Duration INTERVAL = Duration.ofMinutes(10);
    private static final Duration REFRESH = Duration.ofSeconds(5);
    private static final Duration TOKEN_VALIDITY = Duration.ofDays(90);
    private static final Predicate<Owner> EVERY_ACCOUNT = owner -> true;

    @TempDir
    Path directory;

    private final SettableClock clock = new SettableClock();
    private final ManualExecutor reloads = new ManualExecutor();
    private final Owner alice = Owner.of("alice@demo.test");
    private GuestStore store;
    private VariableStore variables;
    private GuestAccess guests;

    @BeforeEach
    void setUp() {
        store = new FileSystemGuestStore(directory.resolve("guests.json"));
        variables = new FileSystemVariableStore(directory.resolve("vars"), new VariableQuotas(10, 1000), 1000);
        guests = on(store);
    }

    /** Another GuestAccess on the same storage: another node. */
    private GuestAccess on(GuestStore guestStore) {
        return new GuestAccess(guestStore, variables, new FileAuditLog(directory.resolve("audit.jsonl"), clock), clock,
            new RefreshPolicy(REFRESH, clock, reloads), TOKEN_VALIDITY);
    }

    /** A GuestAccess on a store opened again from disk. */
    private GuestAccess newGuestAccess() {
        return on(new FileSystemGuestStore(directory.resolve("guests.json")));
    }

    private String code() {
        return guests.invite(alice, VALIDITY, INTERVAL).orElseThrow();
    }

    @Test
    void redeemShouldGiveATokenBoundToTheInvitedAddress() throws Exception {
        GuestAccess.Redeemed redeemed = guests.redeem(code());

        assertThat(redeemed.address()).isEqualTo(alice);
        assertThat(guests.authenticate(redeemed.token(), EVERY_ACCOUNT)).contains(alice);
        assertThat(guests.guests()).containsExactly(new GuestStore.Guest(alice, 1));
    }

    @Test
    void authenticateShouldRefuseATokenOnceItExpired() throws Exception {
        String token = guests.redeem(code()).token();

        clock.advance(TOKEN_VALIDITY.minusSeconds(1));
        assertThat(guests.authenticate(token, EVERY_ACCOUNT)).contains(alice);
        clock.advance(Duration.ofSeconds(1));

        assertThat(guests.authenticate(token, EVERY_ACCOUNT)).isEmpty();
    }

    @Test
    void redeemShouldFailWhenTheCodeWasAlreadyUsed() throws Exception {
        String code = code();
        guests.redeem(code);

        assertThatThrownBy(() -> guests.redeem(code))
            .isInstanceOf(InvalidCodeException.class)
            .hasMessage("This invite code is unknown, expired or already used: mail the IT address again for a new one");
    }

    @Test
    void redeemShouldFailWhenTheCodeExpired() {
        String code = code();
        clock.advance(VALIDITY);

        assertThatThrownBy(() -> guests.redeem(code)).isInstanceOf(InvalidCodeException.class);
        assertThat(guests.guests()).isEmpty();
    }

    @Test
    void redeemShouldFailWhenTheCodeIsUnknown() {
        assertThatThrownBy(() -> guests.redeem("hmi_unknown")).isInstanceOf(InvalidCodeException.class);
    }

    @Test
    void inviteShouldBeRefusedWhenTheAddressGotOneWithinTheMinimumInterval() {
        code();
        clock.advance(INTERVAL.minusSeconds(1));

        assertThat(guests.invite(alice, VALIDITY, INTERVAL)).isEmpty();
    }

    @Test
    void inviteShouldBeGivenAgainWhenTheMinimumIntervalPassed() {
        code();
        clock.advance(INTERVAL);

        assertThat(guests.invite(alice, VALIDITY, INTERVAL)).isPresent();
    }

    @Test
    void authenticateShouldRefuseTheTokenWhenItWasRevoked() throws Exception {
        String token = guests.redeem(code()).token();

        assertThat(guests.revokeTokens(alice, "admin")).isEqualTo(1);
        assertThat(guests.authenticate(token, EVERY_ACCOUNT)).isEmpty();
    }

    @Test
    void authenticateShouldRefuseTheTokenWhenTheGuestWasRemoved() throws Exception {
        String token = guests.redeem(code()).token();

        assertThat(guests.removeGuest(alice, "admin")).isTrue();
        assertThat(guests.authenticate(token, EVERY_ACCOUNT)).isEmpty();
        assertThat(guests.guests()).isEmpty();
    }

    @Test
    void revokeTokenShouldRefuseOnlyThatToken() throws Exception {
        String revoked = guests.redeem(code()).token();
        clock.advance(INTERVAL);
        String kept = guests.redeem(code()).token();

        assertThat(guests.revokeToken(revoked)).contains(alice);
        assertThat(guests.authenticate(revoked, EVERY_ACCOUNT)).isEmpty();
        assertThat(guests.authenticate(kept, EVERY_ACCOUNT)).contains(alice);
    }

    @Test
    void tokensShouldSurviveARestart() throws Exception {
        String token = guests.redeem(code()).token();

        assertThat(newGuestAccess().authenticate(token, EVERY_ACCOUNT)).contains(alice);
    }

    @Test
    void theStoreShouldHoldNeitherCodesNorTokens() throws Exception {
        String pending = code();
        clock.advance(INTERVAL);
        String token = guests.redeem(code()).token();

        assertThat(Files.readString(directory.resolve("guests.json")))
            .contains("alice@demo.test")
            .doesNotContain(pending, token);
    }

    @Test
    void addGuestShouldReturnFalseWhenTheAddressIsAlreadyAGuest() {
        assertThat(guests.addGuest(alice, "admin")).isTrue();
        assertThat(guests.addGuest(alice, "admin")).isFalse();
        assertThat(guests.guests()).containsExactly(new GuestStore.Guest(alice, 0));
    }

    @Test
    void everyChangeShouldBeAudited() throws Exception {
        guests.redeem(code()).token();
        guests.removeGuest(alice, "admin");

        assertThat(new FileAuditLog(directory.resolve("audit.jsonl"), clock).read(Optional.empty(), 10))
            .extracting(entry -> entry.action())
            .containsExactly("invite", "redeem", "guest-remove");
    }

    @Test
    void aTokenRevokedOnAnotherNodeShouldBeRefusedHereOnceTheRefreshIntervalPassed() throws Exception {
        String token = guests.redeem(code()).token();
        GuestAccess otherNode = on(store);
        assertThat(guests.authenticate(token, EVERY_ACCOUNT)).contains(alice);

        assertThat(otherNode.revokeToken(token)).contains(alice);

        assertThat(otherNode.authenticate(token, EVERY_ACCOUNT)).as("revoked on that node: refused at once").isEmpty();
        assertThat(guests.authenticate(token, EVERY_ACCOUNT)).as("within the interval, the cached answer").contains(alice);
        clock.advance(REFRESH);
        guests.authenticate(token, EVERY_ACCOUNT);
        reloads.runPending();
        assertThat(guests.authenticate(token, EVERY_ACCOUNT)).isEmpty();
    }

    @Test
    void authenticateShouldRefuseTheTokenWhenTheAccountNoLongerExists() throws Exception {
        String token = guests.redeem(code()).token();

        assertThat(guests.authenticate(token, owner -> false)).isEmpty();
        assertThat(guests.authenticate(token, alice::equals)).contains(alice);
    }

    @Test
    void ofTwoConcurrentRedemptionsOfOneCodeExactlyOneShouldGetAToken() throws Exception {
        String code = code();
        GuestAccess otherNode = on(store);

        List<Boolean> redeemed = Concurrently.run(2, node -> () -> {
            try {
                (node == 0 ? guests : otherNode).redeem(code);
                return true;
            } catch (InvalidCodeException e) {
                return false;
            }
        });

        assertThat(redeemed).containsExactlyInAnyOrder(true, false);
        assertThat(guests.guests()).containsExactly(new GuestStore.Guest(alice, 1));
    }

    @Test
    void inviteShouldBeRefusedOnAnotherNodeWithinTheMinimumInterval() {
        code();

        assertThat(on(store).invite(alice, VALIDITY, INTERVAL)).isEmpty();
    }

    @Test
    void removeGuestShouldForgetTheGuestsPluginVariables() throws Exception {
        guests.redeem(code());
        variables.commit(alice, variables.version(alice), Map.of("n", Optional.of(new byte[] {1})));

        guests.removeGuest(alice, "admin");

        assertThat(variables.get(alice, "n")).isEmpty();
    }
}
