package org.hackablemail.core;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A mailbox owner: the address whose mail a plugin handles, whose variables, versions and guest tokens the stores
 * keep. The one normalization of such an address: the whole address is lower-cased, so that {@code Bob@Example.org}
 * and {@code bob@example.org} own the same plugin (mail systems treat local parts case-insensitively in practice,
 * and James's own users repository does). The syntax is checked loosely, since James has already parsed what reaches
 * here: a local part and a domain around the last {@code @}, at most 320 characters (RFC 3696: 64 before
 * {@code @}, 255 after; the parts are not limited one by one, since James does not), no control character.
 * Shown as JSON, an owner is its address.
 */
public final class Owner implements Comparable<Owner> {
    private static final int MAX_LENGTH = 320;

    private final String address;

    private Owner(String address) {
        this.address = address;
    }

    /**
     * @throws IllegalArgumentException when {@code address} is not a mail address, with the reason
     */
    @JsonCreator
    public static Owner of(String address) {
        if (address == null) {
            throw new IllegalArgumentException("An owner's address is required");
        }
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1) {
            throw invalid(address, "it needs a local part and a domain around '@'");
        }
        if (address.chars().anyMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c) && c != ' ')) {
            throw invalid(address, "it contains a control character");
        }
        if (address.length() > MAX_LENGTH) {
            throw invalid(address, "it is longer than " + MAX_LENGTH + " characters");
        }
        String domain = address.substring(at + 1);
        if (domain.chars().anyMatch(c -> c == ' ') || domain.startsWith(".") || domain.endsWith(".")) {
            throw invalid(address, "'" + domain + "' is not a domain");
        }
        return new Owner(address.toLowerCase(Locale.ROOT));
    }

    private static IllegalArgumentException invalid(String address, String reason) {
        String shown = address.length() > 100 ? address.substring(0, 100) + "..." : address;
        return new IllegalArgumentException("'" + shown + "' is not a mail address: " + reason);
    }

    /** The normalized address, e.g. {@code bob@example.org}. */
    @JsonValue
    public String asString() {
        return address;
    }

    public String domain() {
        return address.substring(address.lastIndexOf('@') + 1);
    }

    @Override
    public int compareTo(Owner other) {
        return address.compareTo(other.address);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Owner owner && address.equals(owner.address);
    }

    @Override
    public int hashCode() {
        return address.hashCode();
    }

    @Override
    public String toString() {
        return address;
    }
}
