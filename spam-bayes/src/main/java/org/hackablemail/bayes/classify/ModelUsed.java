package org.hackablemail.bayes.classify;

import java.util.Locale;

/** Whose evidence decided a verdict: the shared model alone, or the recipient's personal layer over it. */
public enum ModelUsed {
    SHARED,
    PERSONAL;

    /** The value of the {@code X-Spam-Bayes-Model} header: {@code shared} or {@code personal}. */
    public String headerValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
