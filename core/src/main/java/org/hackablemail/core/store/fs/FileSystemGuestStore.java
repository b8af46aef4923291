package org.hackablemail.core.store.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hackablemail.core.Owner;
import org.hackablemail.core.store.GuestStore;
import org.hackablemail.core.store.StorageUnavailableException;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A {@link GuestStore} in one JSON file, which it alone writes (one James node), held in memory and rewritten
 * atomically by each change. Operations are serialized, which makes consuming an invite and claiming an invite slot
 * atomic. A change that cannot be written is not kept in memory either.
 */
public final class FileSystemGuestStore implements GuestStore {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path file;
    /** Null until first read, and after a failed write. */
    private GuestState state;

    public FileSystemGuestStore(Path file) {
        this.file = file;
    }

    @Override
    public synchronized boolean claimInviteSlot(Owner address, Instant now, Duration minimumInterval) {
        GuestState current = load();
        Long last = current.lastInvite().get(address.asString());
        if (last != null && now.toEpochMilli() - last < minimumInterval.toMillis()) {
            return false;
        }
        return change(changed -> {
            changed.forgetInvitesBefore(now.minus(minimumInterval).toEpochMilli());
            changed.forgetExpiredInvites(now.toEpochMilli());
            changed.lastInvite().put(address.asString(), now.toEpochMilli());
            return true;
        });
    }

    @Override
    public synchronized void addInvite(String codeHash, Owner address, Instant expires) {
        change(changed -> {
            changed.invites().put(codeHash, new GuestState.Invite(address.asString(), expires.toEpochMilli()));
            return null;
        });
    }

    @Override
    public synchronized Optional<Owner> consumeInvite(String codeHash, Instant now) {
        GuestState.Invite invite = load().invites().get(codeHash);
        if (invite == null) {
            return Optional.empty();
        }
        return change(changed -> {
            changed.invites().remove(codeHash);
            changed.forgetExpiredInvites(now.toEpochMilli());
            return invite.expires() > now.toEpochMilli() ? Optional.of(Owner.of(invite.address())) : Optional.empty();
        });
    }

    @Override
    public synchronized boolean addGuest(Owner address) {
        return !isGuest(address) && change(changed -> changed.guests().add(address.asString()));
    }

    @Override
    public synchronized boolean isGuest(Owner address) {
        return load().guests().contains(address.asString());
    }

    @Override
    public synchronized boolean removeGuest(Owner address) {
        return isGuest(address) && change(changed -> changed.guests().remove(address.asString()));
    }

    @Override
    public synchronized List<Guest> guests() {
        GuestState current = load();
        return current.guests().stream()
            .map(address -> new Guest(Owner.of(address), current.tokensOf(address)))
            .collect(Collectors.toList());
    }

    @Override
    public synchronized void addToken(String tokenHash, TokenGrant grant) {
        change(changed -> changed.tokens().put(tokenHash,
            new GuestState.Token(grant.address().asString(), grant.issued().toEpochMilli())));
    }

    @Override
    public synchronized Optional<TokenGrant> token(String tokenHash) {
        return Optional.ofNullable(load().tokens().get(tokenHash)).map(FileSystemGuestStore::grant);
    }

    @Override
    public synchronized Optional<TokenGrant> removeToken(String tokenHash) {
        Optional<TokenGrant> removed = token(tokenHash);
        if (removed.isPresent()) {
            change(changed -> changed.tokens().remove(tokenHash));
        }
        return removed;
    }

    @Override
    public synchronized int removeTokens(Owner address) {
        if (load().tokensOf(address.asString()) == 0) {
            return 0;
        }
        return change(changed -> changed.removeTokensOf(address.asString()));
    }

    /**
     * Everything the store holds: for copying it to another back-end ({@code hackmail storage migrate}).
     *
     * @param invites     pending invites by code hash
     * @param tokens      push tokens by token hash
     * @param lastInvites when each address last got an invite
     */
    public record Contents(List<Owner> guests, Map<String, Invite> invites, Map<String, TokenGrant> tokens,
                           Map<Owner, Instant> lastInvites) {
    }

    /** A pending invite: the address it was mailed to, and when it expires. */
    public record Invite(Owner address, Instant expires) {
    }

    public synchronized Contents contents() {
        GuestState current = load();
        Map<String, Invite> invites = new TreeMap<>();
        current.invites().forEach((hash, invite) ->
            invites.put(hash, new Invite(Owner.of(invite.address()), Instant.ofEpochMilli(invite.expires()))));
        Map<String, TokenGrant> tokens = new TreeMap<>();
        current.tokens().forEach((hash, token) -> tokens.put(hash, grant(token)));
        Map<Owner, Instant> lastInvites = new TreeMap<>();
        current.lastInvite().forEach((address, last) -> lastInvites.put(Owner.of(address), Instant.ofEpochMilli(last)));
        return new Contents(current.guests().stream().map(Owner::of).toList(), invites, tokens, lastInvites);
    }

    private static TokenGrant grant(GuestState.Token token) {
        return new TokenGrant(Owner.of(token.address()), Instant.ofEpochMilli(token.issued()));
    }

    /** Applies the change in memory and writes the result; when it cannot be written, forgets it. */
    private <T> T change(Function<GuestState, T> change) {
        T result = change.apply(load());
        try {
            AtomicFiles.write(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(state));
        } catch (IOException e) {
            state = null;
            throw new StorageUnavailableException("Cannot write the guests to " + file, e);
        }
        return result;
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
            throw new StorageUnavailableException("Cannot read the guests from " + file, e);
        }
    }
}
