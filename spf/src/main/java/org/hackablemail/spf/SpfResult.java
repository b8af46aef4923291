package org.hackablemail.spf;

import java.util.Arrays;
import java.util.Locale;

/** The seven results of RFC 7208 §2.6, with the keyword used in headers. */
public enum SpfResult {
    PASS,
    FAIL,
    SOFTFAIL,
    NEUTRAL,
    NONE,
    PERMERROR,
    TEMPERROR;

    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SpfResult fromKeyword(String keyword) {
        return Arrays.stream(values())
            .filter(result -> result.keyword().equalsIgnoreCase(keyword.trim()))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("Unknown SPF result '" + keyword + "'"));
    }
}
