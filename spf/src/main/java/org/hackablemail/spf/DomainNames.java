package org.hackablemail.spf;

import java.util.Arrays;
import java.util.Locale;

/** Domain name rules of RFC 7208 §4.3 and §7.3. */
final class DomainNames {
    private static final int MAX_NAME_LENGTH = 253;
    private static final int MAX_LABEL_LENGTH = 63;

    private DomainNames() {
    }

    static String withoutTrailingDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    /** A multi-label name whose labels are 1 to 63 characters; address literals such as {@code [192.0.2.1]} are not. */
    static boolean isValid(String name) {
        String[] labels = name.split("\\.", -1);
        return name.length() <= MAX_NAME_LENGTH
            && !name.startsWith("[")
            && labels.length >= 2
            && Arrays.stream(labels).allMatch(label -> !label.isEmpty() && label.length() <= MAX_LABEL_LENGTH);
    }

    /** Removes leading labels until the name fits in 253 characters (§7.3). */
    static String truncate(String name) {
        String truncated = name;
        while (truncated.length() > MAX_NAME_LENGTH && truncated.indexOf('.') >= 0) {
            truncated = truncated.substring(truncated.indexOf('.') + 1);
        }
        return truncated;
    }

    /** Whether {@code name} is {@code domain} or one of its subdomains, ignoring case and trailing dots. */
    static boolean isWithin(String name, String domain) {
        String normalizedName = withoutTrailingDot(name).toLowerCase(Locale.ROOT);
        String normalizedDomain = withoutTrailingDot(domain).toLowerCase(Locale.ROOT);
        return normalizedName.equals(normalizedDomain) || normalizedName.endsWith("." + normalizedDomain);
    }
}
