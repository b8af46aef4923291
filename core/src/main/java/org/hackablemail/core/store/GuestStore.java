package org.hackablemail.core.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.hackablemail.core.Owner;

/**
 * Guests (the addresses that may push their own plugin), pending invites, push tokens, and when each address last
 * got an invite. Codes and tokens are handed to the store as hashes only (SHA-256, hex): it never sees a secret.
 *
 * <p>Many nodes may use one store at once. What must hold across them: an invite is consumed once, however many
 * nodes try at the same moment ({@link #consumeInvite}); of concurrent {@link #claimInviteSlot}s for one address
 * within the interval, one succeeds; a removed token or guest is refused by every read that starts after the
 * removal returned. Expired invites and old invite times may be forgotten by the store at any time after they
 * expire.
 *
 * <p>Outages surface as {@link StorageUnavailableException}.
 */
public interface GuestStore {

    /**
     * Records that an invite goes to {@code address} at {@code now}, unless one went there less than
     * {@code minimumInterval} before. Atomic: of concurrent claims for one address, at most one succeeds within the
     * interval.
     *
     * @return false, recording nothing, when the address got an invite less than {@code minimumInterval} ago
     */
    boolean claimInviteSlot(Owner address, Instant now, Duration minimumInterval);

    /** Stores a pending invite for {@code address}, usable until {@code expires}. */
    void addInvite(String codeHash, Owner address, Instant expires);

    /**
     * Uses up the invite: it is removed, and its address returned, when it exists and has not expired at {@code now}.
     * Atomic: of concurrent calls for one code, on any nodes, at most one gets the address.
     */
    Optional<Owner> consumeInvite(String codeHash, Instant now);

    /** @return false when it already was a guest */
    boolean addGuest(Owner address);

    boolean isGuest(Owner address);

    /**
     * Removes the guest; its tokens are left to {@link #removeTokens}.
     *
     * @return false when it was not a guest
     */
    boolean removeGuest(Owner address);

    /** Every guest, with the number of push tokens it holds. */
    List<Guest> guests();

    void addToken(String tokenHash, TokenGrant grant);

    /** The grant of a token that was added and not removed. */
    Optional<TokenGrant> token(String tokenHash);

    /** Removes one token; returns its grant, empty when there was no such token. */
    Optional<TokenGrant> removeToken(String tokenHash);

    /** Removes every token of the address; returns how many there were. */
    int removeTokens(Owner address);

    /** A guest as admins see it: the address and how many push tokens it holds. */
    record Guest(Owner address, long tokens) {
    }

    /** What a push token stands for: the address it pushes for, and when it was issued. */
    record TokenGrant(Owner address, Instant issued) {
    }
}
