package org.hackablemail.storage.cassandra;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hackablemail.core.Owner;
import org.hackablemail.core.store.GuestStore;
import org.hackablemail.core.store.StorageUnavailableException;

import com.datastax.oss.driver.api.core.cql.Row;

/**
 * Guests, invites and push tokens in Cassandra. What must hold across nodes is made of lightweight transactions:
 * an invite is inserted and consumed by compare-and-set ({@code DELETE ... IF EXISTS}), so of concurrent
 * redemptions on any nodes exactly one applies; an address's invite time is claimed by compare-and-set on the time
 * read; guests are added and removed by {@code IF NOT EXISTS}/{@code IF EXISTS}, and tokens too. Every write of one
 * of those tables being a transaction, their timestamps come from one sequence of ballots, never from the nodes'
 * clocks, so a removal cannot be shadowed by an earlier write stamped by a clock ahead.
 *
 * <p>{@code guest_tokens_by_address} lists each address's tokens, for revoking them all: a token's entry is written
 * before the token, so no token can escape a revocation of its address.
 *
 * <p>Invites and invite times carry a TTL (their expiry, or the interval, plus a day), so the tables do not grow.
 */
public final class CassandraGuestStore implements GuestStore {
    static final CassandraTable GUESTS = CassandraTable.named("guests")
        .column("address", "text")
        .partitionKey("address")
        .column("added", "timestamp")
        .build();
    static final CassandraTable INVITES = CassandraTable.named("guest_invites")
        .column("code_hash", "text")
        .column("address", "text")
        .column("expires", "timestamp")
        .partitionKey("code_hash")
        .build();
    static final CassandraTable INVITE_TIMES = CassandraTable.named("guest_invite_times")
        .column("address", "text")
        .column("last", "timestamp")
        .partitionKey("address")
        .build();
    static final CassandraTable TOKENS = CassandraTable.named("guest_tokens")
        .column("token_hash", "text")
        .column("address", "text")
        .column("issued", "timestamp")
        .partitionKey("token_hash")
        .build();
    static final CassandraTable TOKENS_BY_ADDRESS = CassandraTable.named("guest_tokens_by_address")
        .column("address", "text")
        .column("token_hash", "text")
        .partitionKey("address")
        .clustering("token_hash")
        .build();

    private static final Duration TTL_MARGIN = Duration.ofDays(1);
    /** Cassandra's longest time to live: 20 years. */
    private static final long MAX_TTL_SECONDS = 630_720_000;
    private static final int MAX_ATTEMPTS = 64;

    private final Cql cql;
    private final Clock clock;
    private final String guests;
    private final String invites;
    private final String inviteTimes;
    private final String tokens;
    private final String tokensByAddress;

    /** @param clock only for the rows' time to live: every rule is decided on the times the caller gives */
    public CassandraGuestStore(Cql cql, Clock clock) {
        this.cql = cql;
        this.clock = clock;
        this.guests = cql.table(GUESTS.name());
        this.invites = cql.table(INVITES.name());
        this.inviteTimes = cql.table(INVITE_TIMES.name());
        this.tokens = cql.table(TOKENS.name());
        this.tokensByAddress = cql.table(TOKENS_BY_ADDRESS.name());
    }

    /** The tables this store needs, for {@link CassandraSchema}. */
    public static List<CassandraTable> tables() {
        return List.of(GUESTS, INVITES, INVITE_TIMES, TOKENS, TOKENS_BY_ADDRESS);
    }

    @Override
    public boolean claimInviteSlot(Owner address, Instant now, Duration minimumInterval) {
        String what = "claim an invite for " + address;
        int ttl = ttlSeconds(now.plus(minimumInterval));
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Row row = cql.execute(cql.bindSerialRead("SELECT last FROM " + inviteTimes + " WHERE address = ?", address.asString()),
                what).one();
            if (row == null) {
                if (cql.applied(cql.bind("INSERT INTO " + inviteTimes + " (address, last) VALUES (?, ?) IF NOT EXISTS USING TTL ?",
                        address.asString(), now, ttl), what)) {
                    return true;
                }
                continue;
            }
            Instant last = row.getInstant("last");
            if (now.isBefore(last.plus(minimumInterval))) {
                return false;
            }
            if (cql.applied(cql.bind("UPDATE " + inviteTimes + " USING TTL ? SET last = ? WHERE address = ? IF last = ?",
                    ttl, now, address.asString(), last), what)) {
                return true;
            }
        }
        throw new StorageUnavailableException("The invite time of " + address + " changed " + MAX_ATTEMPTS
            + " times while it was being claimed: try again", null);
    }

    @Override
    public void addInvite(String codeHash, Owner address, Instant expires) {
        if (!cql.applied(cql.bind("INSERT INTO " + invites + " (code_hash, address, expires) VALUES (?, ?, ?) IF NOT EXISTS USING TTL ?",
                codeHash, address.asString(), expires, ttlSeconds(expires)), "store an invite for " + address)) {
            throw new IllegalStateException("An invite with the same code hash exists: codes must be random");
        }
    }

    @Override
    public Optional<Owner> consumeInvite(String codeHash, Instant now) {
        String what = "redeem an invite";
        Row row = cql.execute(cql.bindSerialRead("SELECT address, expires FROM " + invites + " WHERE code_hash = ?", codeHash), what).one();
        if (row == null || !now.isBefore(row.getInstant("expires"))) {
            return Optional.empty();
        }
        if (cql.applied(cql.bind("DELETE FROM " + invites + " WHERE code_hash = ? IF EXISTS", codeHash), what)) {
            return Optional.of(Owner.of(row.getString("address")));
        }
        return Optional.empty();
    }

    @Override
    public boolean addGuest(Owner address) {
        return cql.applied(cql.bind("INSERT INTO " + guests + " (address, added) VALUES (?, ?) IF NOT EXISTS", address.asString(),
            clock.instant()), "add the guest " + address);
    }

    @Override
    public boolean isGuest(Owner address) {
        return cql.execute(cql.bind("SELECT address FROM " + guests + " WHERE address = ?", address.asString()),
            "read the guest " + address).one() != null;
    }

    @Override
    public boolean removeGuest(Owner address) {
        return cql.applied(cql.bind("DELETE FROM " + guests + " WHERE address = ? IF EXISTS", address.asString()),
            "remove the guest " + address);
    }

    @Override
    public List<Guest> guests() {
        List<Guest> found = new ArrayList<>();
        for (Row row : cql.execute(cql.bind("SELECT address FROM " + guests), "list the guests")) {
            Owner address = Owner.of(row.getString("address"));
            found.add(new Guest(address, tokenHashes(address).size()));
        }
        return found;
    }

    @Override
    public void addToken(String tokenHash, TokenGrant grant) {
        String what = "store a push token of " + grant.address();
        cql.execute(cql.bind("INSERT INTO " + tokensByAddress + " (address, token_hash) VALUES (?, ?)",
            grant.address().asString(), tokenHash), what);
        if (!cql.applied(cql.bind("INSERT INTO " + tokens + " (token_hash, address, issued) VALUES (?, ?, ?) IF NOT EXISTS",
                tokenHash, grant.address().asString(), grant.issued()), what)) {
            throw new IllegalStateException("A push token with the same hash exists: tokens must be random");
        }
    }

    @Override
    public Optional<TokenGrant> token(String tokenHash) {
        Row row = cql.execute(cql.bind("SELECT address, issued FROM " + tokens + " WHERE token_hash = ?", tokenHash),
            "read a push token").one();
        return Optional.ofNullable(row).map(CassandraGuestStore::grant);
    }

    @Override
    public Optional<TokenGrant> removeToken(String tokenHash) {
        Row row = cql.execute(cql.bindSerialRead("SELECT address, issued FROM " + tokens + " WHERE token_hash = ?", tokenHash),
            "remove a push token").one();
        if (row == null || !deleteToken(tokenHash)) {
            return Optional.empty();
        }
        TokenGrant grant = grant(row);
        cql.execute(cql.bind("DELETE FROM " + tokensByAddress + " WHERE address = ? AND token_hash = ?",
            grant.address().asString(), tokenHash), "remove a push token of " + grant.address());
        return Optional.of(grant);
    }

    @Override
    public int removeTokens(Owner address) {
        int removed = 0;
        for (String tokenHash : tokenHashes(address)) {
            if (deleteToken(tokenHash)) {
                removed++;
            }
            cql.execute(cql.bind("DELETE FROM " + tokensByAddress + " WHERE address = ? AND token_hash = ?",
                address.asString(), tokenHash), "remove the push tokens of " + address);
        }
        return removed;
    }

    /** Stores an invite as another back-end held it, unless there is one with that code; whether it was stored. */
    boolean importInvite(String codeHash, Owner address, Instant expires) {
        return cql.applied(cql.bind("INSERT INTO " + invites + " (code_hash, address, expires) VALUES (?, ?, ?) IF NOT EXISTS"
            + " USING TTL ?", codeHash, address.asString(), expires, ttlSeconds(expires)), "store an invite for " + address);
    }

    /** Stores a token as another back-end held it, unless there is one with that hash; whether it was stored. */
    boolean importToken(String tokenHash, TokenGrant grant) {
        if (token(tokenHash).isPresent()) {
            return false;
        }
        addToken(tokenHash, grant);
        return true;
    }

    /** Records when the address last got an invite, unless a later time is recorded; whether it was recorded. */
    boolean importInviteTime(Owner address, Instant last) {
        Row row = cql.execute(cql.bindSerialRead("SELECT last FROM " + inviteTimes + " WHERE address = ?", address.asString()),
            "read the invite time of " + address).one();
        if (row != null && !row.getInstant("last").isBefore(last)) {
            return false;
        }
        return row == null
            ? cql.applied(cql.bind("INSERT INTO " + inviteTimes + " (address, last) VALUES (?, ?) IF NOT EXISTS USING TTL ?",
                address.asString(), last, ttlSeconds(last)), "record the invite time of " + address)
            : cql.applied(cql.bind("UPDATE " + inviteTimes + " USING TTL ? SET last = ? WHERE address = ? IF last = ?",
                ttlSeconds(last), last, address.asString(), row.getInstant("last")), "record the invite time of " + address);
    }

    private boolean deleteToken(String tokenHash) {
        return cql.applied(cql.bind("DELETE FROM " + tokens + " WHERE token_hash = ? IF EXISTS", tokenHash), "remove a push token");
    }

    private List<String> tokenHashes(Owner address) {
        List<String> hashes = new ArrayList<>();
        for (Row row : cql.execute(cql.bind("SELECT token_hash FROM " + tokensByAddress + " WHERE address = ?", address.asString()),
                "read the push tokens of " + address)) {
            hashes.add(row.getString("token_hash"));
        }
        return hashes;
    }

    private static TokenGrant grant(Row row) {
        return new TokenGrant(Owner.of(row.getString("address")), row.getInstant("issued"));
    }

    /** Until {@code until} by this node's clock, plus a day; a day at least. */
    private int ttlSeconds(Instant until) {
        long seconds = Duration.between(clock.instant(), until).plus(TTL_MARGIN).toSeconds();
        return (int) Math.min(MAX_TTL_SECONDS, Math.max(TTL_MARGIN.toSeconds(), seconds));
    }
}
