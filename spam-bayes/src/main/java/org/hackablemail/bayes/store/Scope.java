package org.hackablemail.bayes.store;

import java.util.Objects;

/**
 * Whose training an entry is: the shared model's (administrators, autolearn) or one user's personal layer. A user is
 * named by the one normalized form of their address that the caller uses everywhere; the store compares it as given.
 */
public final class Scope implements Comparable<Scope> {
    private static final String USER_PREFIX = "user:";
    public static final Scope SHARED = new Scope("shared");

    private final String key;

    private Scope(String key) {
        this.key = key;
    }

    public static Scope user(String address) {
        if (address == null || address.isBlank() || address.chars().anyMatch(c -> c <= ' ')) {
            throw new IllegalArgumentException("A user scope needs an address without white space, got '" + address + "'");
        }
        return new Scope(USER_PREFIX + address);
    }

    /** The inverse of {@link #key()}. */
    public static Scope parse(String key) {
        if (SHARED.key.equals(key)) {
            return SHARED;
        }
        if (key != null && key.startsWith(USER_PREFIX)) {
            return user(key.substring(USER_PREFIX.length()));
        }
        throw new IllegalArgumentException("Not a scope: '" + key + "'");
    }

    /** {@code shared} or {@code user:<address>}: how stores write the scope. */
    public String key() {
        return key;
    }

    public boolean isShared() {
        return this == SHARED || key.equals(SHARED.key);
    }

    /** The user's address; empty for the shared scope. */
    public String user() {
        return isShared() ? "" : key.substring(USER_PREFIX.length());
    }

    @Override
    public int compareTo(Scope other) {
        return key.compareTo(other.key);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Scope scope && scope.key.equals(key);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(key);
    }

    @Override
    public String toString() {
        return key;
    }
}
