package org.hackablemail.spf;

/** The identity an SPF check authorizes (RFC 7208 §2.3, §2.4), named as in the Received-SPF {@code identity} key. */
public enum Identity {
    MAILFROM("mailfrom", "smtp.mailfrom"),
    HELO("helo", "smtp.helo");

    private final String keyword;
    private final String authenticationResultsProperty;

    Identity(String keyword, String authenticationResultsProperty) {
        this.keyword = keyword;
        this.authenticationResultsProperty = authenticationResultsProperty;
    }

    public String keyword() {
        return keyword;
    }

    /** The RFC 8601 {@code ptype.property} this identity is reported as. */
    public String authenticationResultsProperty() {
        return authenticationResultsProperty;
    }
}
