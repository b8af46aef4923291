package org.hackablemail.bayes.classify;

import java.util.Locale;

/** Is it spam? {@code UNKNOWN} when the evidence is mixed or the store is not trained enough to tell. */
public enum Verdict {
    YES,
    NO,
    UNKNOWN;

    /** The value of the {@code X-Spam-Bayes} header: {@code yes}, {@code no} or {@code unknown}. */
    public String headerValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
