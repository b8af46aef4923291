package org.hackablemail.core.guests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.hackablemail.core.Owner;
import org.hackablemail.core.SettableClock;
import org.hackablemail.core.store.fs.FileAuditLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GuestAccessTest {
    private static final Duration VALIDITY = Duration.ofDays(7);
    private static final Duration INTERVAL = Duration.ofMinutes(10);

    @TempDir
    Path directory;

    private final SettableClock clock = new SettableClock();
    private final Owner alice = Owner.of("alice@demo.test");
    private GuestAccess guests;

    @BeforeEach
    void setUp() {
        guests = newGuestAccess();
    }

    private GuestAccess newGuestAccess() {
        return new GuestAccess(directory.resolve("guests.json"), clock,
            new FileAuditLog(directory.resolve("audit.jsonl"), clock));
    }

    private String code() {
        return guests.invite(alice, VALIDITY, INTERVAL).orElseThrow();
    }

    @Test
    void redeemShouldGiveATokenBoundToTheInvitedAddress() throws Exception {
        GuestAccess.Redeemed redeemed = guests.redeem(code());

        assertThat(redeemed.address()).isEqualTo(alice);
        assertThat(guests.authenticate(redeemed.token())).contains(alice);
        assertThat(guests.guests()).containsExactly(new GuestAccess.Guest(alice, 1));
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
        assertThat(guests.authenticate(token)).isEmpty();
    }

    @Test
    void authenticateShouldRefuseTheTokenWhenTheGuestWasRemoved() throws Exception {
        String token = guests.redeem(code()).token();

        assertThat(guests.removeGuest(alice, "admin")).isTrue();
        assertThat(guests.authenticate(token)).isEmpty();
        assertThat(guests.guests()).isEmpty();
    }

    @Test
    void revokeTokenShouldRefuseOnlyThatToken() throws Exception {
        String revoked = guests.redeem(code()).token();
        clock.advance(INTERVAL);
        String kept = guests.redeem(code()).token();

        assertThat(guests.revokeToken(revoked)).contains(alice);
        assertThat(guests.authenticate(revoked)).isEmpty();
        assertThat(guests.authenticate(kept)).contains(alice);
    }

    @Test
    void tokensShouldSurviveARestart() throws Exception {
        String token = guests.redeem(code()).token();

        assertThat(newGuestAccess().authenticate(token)).contains(alice);
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
        assertThat(guests.guests()).containsExactly(new GuestAccess.Guest(alice, 0));
    }

    @Test
    void everyChangeShouldBeAudited() throws Exception {
        guests.redeem(code()).token();
        guests.removeGuest(alice, "admin");

        assertThat(new FileAuditLog(directory.resolve("audit.jsonl"), clock).read(Optional.empty(), 10))
            .extracting(entry -> entry.action())
            .containsExactly("invite", "redeem", "guest-remove");
    }
}
