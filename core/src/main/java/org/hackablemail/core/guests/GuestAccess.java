package org.hackablemail.core.guests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.hackablemail.core.Owner;
import org.hackablemail.core.store.AuditLog;
import org.hackablemail.core.store.fs.AtomicFiles;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Who may push plugins without being an administrator. Guests are addresses; an invite code, mailed to an address,
 * is redeemed once for a push token bound to that address, which makes the address a guest. Codes and tokens are
 * kept only as SHA-256 hashes, in a JSON file. Every change is
 * written to the audit log.
 */
public class GuestAccess {
    static final String INVITE_PREFIX = "hmi_";
    static final String TOKEN_PREFIX = "hmt_";
    private static final int CODE_BYTES = 16;
    private static final int TOKEN_BYTES = 32;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A guest as admins see it: the address and how many push tokens it holds. */
    public record Guest(Owner address, long tokens) {
    }

    /** What redeeming an invite gives: the push token, and the address it is bound to. */
    public record Redeemed(Owner address, String token) {
    }

    private final Path file;
    private final Clock clock;
    private final AuditLog audit;
    private GuestState state;

    public GuestAccess(Path file, Clock clock, AuditLog audit) {
        this.file = file;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * A new single-use code for {@code address}, valid for {@code validity}; empty when the address already got one
     * less than {@code minimumInterval} ago.
     */
    public synchronized Optional<String> invite(Owner address, Duration validity, Duration minimumInterval) {
        GuestState current = load();
        long now = clock.millis();
        String key = address.asString();
        Long last = current.lastInvite().get(key);
        if (last != null && now - last < minimumInterval.toMillis()) {
            return Optional.empty();
        }
        String code = Secrets.random(INVITE_PREFIX, CODE_BYTES);
        current.forgetExpiredInvites(now);
        current.lastInvite().put(key, now);
        current.invites().put(Secrets.hash(code), new GuestState.Invite(key, now + validity.toMillis()));
        save(current);
        audit.record("invite", address, "invite", "code mailed, valid " + validity);
        return Optional.of(code);
    }

    /** Uses up the code and returns a new push token for its address, which becomes a guest. */
    public synchronized Redeemed redeem(String code) throws InvalidCodeException {
        GuestState current = load();
        GuestState.Invite invite = current.invites().remove(Secrets.hash(code));
        if (invite == null || invite.expires() <= clock.millis()) {
            throw new InvalidCodeException();
        }
        String token = Secrets.random(TOKEN_PREFIX, TOKEN_BYTES);
        current.guests().add(invite.address());
        current.tokens().put(Secrets.hash(token), new GuestState.Token(invite.address(), clock.millis()));
        save(current);
        Owner owner = Owner.of(invite.address());
        audit.record(owner.asString(), owner, "redeem", "invite redeemed for a push token");
        return new Redeemed(owner, token);
    }

    /** The address a token pushes for, while the token is not revoked and the address is a guest. */
    public synchronized Optional<Owner> authenticate(String token) {
        GuestState current = load();
        return Optional.ofNullable(current.tokens().get(Secrets.hash(token)))
            .map(GuestState.Token::address)
            .filter(current.guests()::contains)
            .map(Owner::of);
    }

    public synchronized List<Guest> guests() {
        GuestState current = load();
        return current.guests().stream()
            .map(address -> new Guest(Owner.of(address), current.tokensOf(address)))
            .collect(Collectors.toList());
    }

    /** Returns false when it already was a guest. */
    public synchronized boolean addGuest(Owner address, String actor) {
        GuestState current = load();
        if (!current.guests().add(address.asString())) {
            return false;
        }
        save(current);
        audit.record(actor, address, "guest-add", "");
        return true;
    }

    /** Removes the guest and revokes its tokens; returns false when it was not a guest. */
    public synchronized boolean removeGuest(Owner address, String actor) {
        GuestState current = load();
        if (!current.guests().remove(address.asString())) {
            return false;
        }
        int revoked = current.revokeTokensOf(address.asString());
        save(current);
        audit.record(actor, address, "guest-remove", revoked + " token(s) revoked");
        return true;
    }

    /** Revokes every push token of the address; returns how many there were. */
    public synchronized int revokeTokens(Owner address, String actor) {
        GuestState current = load();
        int revoked = current.revokeTokensOf(address.asString());
        save(current);
        audit.record(actor, address, "token-revoke", revoked + " token(s) revoked");
        return revoked;
    }

    /** Revokes one push token (its owner giving it up); returns its address, empty when it was not valid. */
    public synchronized Optional<Owner> revokeToken(String token) {
        GuestState current = load();
        GuestState.Token revoked = current.tokens().remove(Secrets.hash(token));
        if (revoked == null) {
            return Optional.empty();
        }
        save(current);
        Owner owner = Owner.of(revoked.address());
        audit.record(owner.asString(), owner, "token-revoke", "1 token(s) revoked by its owner");
        return Optional.of(owner);
    }

    private GuestState load() {
        if (state == null) {
            state = read();
        }
        return state;
    }

    private GuestState read() {
        if (!Files.exists(file)) {
            return GuestState.empty();
        }
        try {
            return MAPPER.readValue(file.toFile(), GuestState.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the guests from " + file, e);
        }
    }

    private void save(GuestState changed) {
        try {
            AtomicFiles.write(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(changed));
        } catch (IOException e) {
            state = null;
            throw new UncheckedIOException("Cannot write the guests to " + file, e);
        }
    }
}
