package org.hackablemail.core.store.fs;

import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What {@link FileSystemGuestStore} keeps on disk: the guests, the pending invites and the push tokens, each code and
 * token by its SHA-256 hash only, and when each address last got an invite. Times are epoch milliseconds. Mutable,
 * guarded by the store.
 */
record GuestState(TreeSet<String> guests, TreeMap<String, Invite> invites, TreeMap<String, Token> tokens,
                  TreeMap<String, Long> lastInvite) {

    /** A pending invite: the address it was mailed to, and when it expires. */
    record Invite(String address, long expires) {
    }

    /** A push token: its address, and when it was issued. */
    record Token(String address, long issued) {
    }

    static GuestState empty() {
        return new GuestState(new TreeSet<>(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>());
    }

    long tokensOf(String address) {
        return tokens.values().stream().filter(token -> token.address().equals(address)).count();
    }

    int removeTokensOf(String address) {
        int before = tokens.size();
        tokens.values().removeIf(token -> token.address().equals(address));
        return before - tokens.size();
    }

    void forgetExpiredInvites(long now) {
        invites.values().removeIf(invite -> invite.expires() <= now);
    }

    void forgetInvitesBefore(long time) {
        lastInvite.values().removeIf(last -> last < time);
    }
}
