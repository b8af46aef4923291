package org.hackablemail.core.circuit;

import java.util.Locale;

/** What becomes of an owner's mail while their plugin is suspended: delivered unchanged, or into their Spam folder. */
public enum Fallback {
    DELIVER, SPAM;

    /** As routes, outcomes and files write it: {@code deliver}, {@code spam}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the values allowed */
    public static Fallback parse(String label) {
        for (Fallback fallback : values()) {
            if (fallback.label().equals(label)) {
                return fallback;
            }
        }
        throw new IllegalArgumentException("'" + label + "' is not a fallback: use 'deliver' or 'spam'");
    }
}
