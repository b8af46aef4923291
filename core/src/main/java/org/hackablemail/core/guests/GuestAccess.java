package org.hackablemail.core.guests;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.hackablemail.core.Owner;
import org.hackablemail.core.cache.RefreshPolicy;
import org.hackablemail.core.cache.RefreshingCache;
import org.hackablemail.core.store.AuditLog;
import org.hackablemail.core.store.GuestStore;
import org.hackablemail.core.store.VariableStore;

/**
 * Who may push plugins without being an administrator. Guests are addresses; an invite code, mailed to an address,
 * is redeemed once for a push token bound to that address, which makes the address a guest. The store keeps codes
 * and tokens only as SHA-256 hashes. Every change is written to the audit log.
 *
 * <p>A push token expires {@code tokenValidity} after it was issued, and is refused at each use once its address has
 * no account any more (the James side says which exist: James 3.8.1 tells nobody when it deletes a user).
 *
 * <p>Token checks are served from a cache that follows the store within the refresh interval: a token revoked on
 * another node is refused here within that bound, at once when revoked here; while the store is down, tokens checked
 * before keep their last answer.
 */
public class GuestAccess {
    static final String INVITE_PREFIX = "hmi_";
    static final String TOKEN_PREFIX = "hmt_";
    private static final int CODE_BYTES = 16;
    private static final int TOKEN_BYTES = 32;
    private static final int MAX_CACHED_TOKENS = 10_000;

    /** What redeeming an invite gives: the push token, and the address it is bound to. */
    public record Redeemed(Owner address, String token) {
    }

    private final GuestStore store;
    private final VariableStore variables;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration tokenValidity;
    /** By token hash: the token's grant, empty when it is not a token of a guest. */
    private final RefreshingCache<String, Optional<GuestStore.TokenGrant>> tokens;

    /** @param tokenValidity how long a push token may be used after it was issued */
    public GuestAccess(GuestStore store, VariableStore variables, AuditLog audit, Clock clock, RefreshPolicy refresh,
                       Duration tokenValidity) {
        this.store = store;
        this.variables = variables;
        this.audit = audit;
        this.clock = clock;
        this.tokenValidity = tokenValidity;
        this.tokens = new RefreshingCache<>("push token", refresh, MAX_CACHED_TOKENS, this::guestGrant);
    }

    /**
     * A new single-use code for {@code address}, valid for {@code validity}; empty when the address already got one
     * less than {@code minimumInterval} ago (on any node).
     */
    public Optional<String> invite(Owner address, Duration validity, Duration minimumInterval) {
        Instant now = clock.instant();
        if (!store.claimInviteSlot(address, now, minimumInterval)) {
            return Optional.empty();
        }
        String code = Secrets.random(INVITE_PREFIX, CODE_BYTES);
        store.addInvite(Secrets.hash(code), address, now.plus(validity));
        audit.record("invite", address, "invite", "code mailed, valid " + validity);
        return Optional.of(code);
    }

    /** Uses up the code (once, whichever node redeems it) and returns a new push token for its address. */
    public Redeemed redeem(String code) throws InvalidCodeException {
        Owner address = store.consumeInvite(Secrets.hash(code), clock.instant()).orElseThrow(InvalidCodeException::new);
        String token = Secrets.random(TOKEN_PREFIX, TOKEN_BYTES);
        store.addGuest(address);
        store.addToken(Secrets.hash(token), new GuestStore.TokenGrant(address, clock.instant()));
        audit.record(address.asString(), address, "redeem", "invite redeemed for a push token");
        return new Redeemed(address, token);
    }

    /**
     * The address a token pushes for, while the token is not revoked nor expired, the address is a guest, and
     * {@code accountExists} holds for it: the James side checks that its user still exists.
     */
    public Optional<Owner> authenticate(String token, Predicate<Owner> accountExists) {
        Instant now = clock.instant();
        return tokens.get(Secrets.hash(token))
            .filter(grant -> grant.issued().plus(tokenValidity).isAfter(now))
            .map(GuestStore.TokenGrant::address)
            .filter(accountExists);
    }

    public List<GuestStore.Guest> guests() {
        return store.guests();
    }

    /** Returns false when it already was a guest. */
    public boolean addGuest(Owner address, String actor) {
        if (!store.addGuest(address)) {
            return false;
        }
        tokens.invalidateAll();
        audit.record(actor, address, "guest-add", "");
        return true;
    }

    /**
     * Removes the guest, revokes its tokens and forgets its plugin's variables (the next holder of the address must
     * not inherit them); returns false when it was not a guest.
     */
    public boolean removeGuest(Owner address, String actor) {
        if (!store.removeGuest(address)) {
            return false;
        }
        int revoked = store.removeTokens(address);
        tokens.invalidateAll();
        variables.deleteAll(address);
        audit.record(actor, address, "guest-remove", revoked + " token(s) revoked");
        return true;
    }

    /** Revokes every push token of the address; returns how many there were. */
    public int revokeTokens(Owner address, String actor) {
        int revoked = store.removeTokens(address);
        tokens.invalidateAll();
        audit.record(actor, address, "token-revoke", revoked + " token(s) revoked");
        return revoked;
    }

    /** Revokes one push token (its owner giving it up); returns its address, empty when it was not valid. */
    public Optional<Owner> revokeToken(String token) {
        String hash = Secrets.hash(token);
        Optional<Owner> revoked = store.removeToken(hash).map(GuestStore.TokenGrant::address);
        tokens.invalidate(hash);
        revoked.ifPresent(owner -> audit.record(owner.asString(), owner, "token-revoke",
            "1 token(s) revoked by its owner"));
        return revoked;
    }

    private Optional<GuestStore.TokenGrant> guestGrant(String tokenHash) {
        return store.token(tokenHash).filter(grant -> store.isGuest(grant.address()));
    }
}
