package org.hackablemail.bayes.store;

import java.time.Instant;
import java.util.Optional;

/** How many messages of each class the store learnt from, and when it last learnt. */
public record Totals(long spamMessages, long hamMessages, Optional<Instant> lastTrained) {
    public static final Totals EMPTY = new Totals(0, 0, Optional.empty());

    Totals plus(long spam, long ham, Instant now) {
        return new Totals(spamMessages + spam, hamMessages + ham, Optional.of(now));
    }
}
