package org.hackablemail.plugin.sandbox;

import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Per owner, an allowance of time renewed continuously over a period (a token bucket): {@code allowance} per
 * {@code period}, at most one allowance saved up. Work is admitted while the owner's balance is positive and charged
 * afterwards, so an owner may overdraw by one piece of work, then waits for the balance to come back. Owners with a
 * full balance are forgotten beyond a bound, so memory stays flat whatever the number of owners.
 */
final class TimeBudgets {
    private static final int FORGET_FULL_BEYOND = 10_000;

    private final long allowanceNanos;
    private final long periodNanos;
    private final LongSupplier clock;
    private final Map<String, Balance> balances = new HashMap<>();

    private static final class Balance {
        private long nanos;
        private long updated;

        Balance(long nanos, long updated) {
            this.nanos = nanos;
            this.updated = updated;
        }
    }

    TimeBudgets(Duration allowance, Duration period, LongSupplier clock) {
        this.allowanceNanos = allowance.toNanos();
        this.periodNanos = period.toNanos();
        this.clock = clock;
    }

    synchronized boolean admits(String owner) {
        return balance(owner).nanos > 0;
    }

    synchronized void charge(String owner, Duration spent) {
        balance(owner).nanos -= spent.toNanos();
        if (balances.size() > FORGET_FULL_BEYOND) {
            forgetFull();
        }
    }

    /** How long until the owner's balance is positive again; zero when it is now. */
    synchronized Duration untilAdmitted(String owner) {
        long missing = 1 - balance(owner).nanos;
        return missing <= 0 ? Duration.ZERO : Duration.ofNanos((long) ((double) missing * periodNanos / allowanceNanos));
    }

    private Balance balance(String owner) {
        long now = clock.getAsLong();
        Balance balance = balances.computeIfAbsent(owner, any -> new Balance(allowanceNanos, now));
        long renewed = (long) ((double) (now - balance.updated) * allowanceNanos / periodNanos);
        balance.nanos = Math.min(allowanceNanos, balance.nanos + renewed);
        balance.updated = now;
        return balance;
    }

    private void forgetFull() {
        Iterator<Map.Entry<String, Balance>> entries = balances.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<String, Balance> entry = entries.next();
            if (balance(entry.getKey()).nanos >= allowanceNanos) {
                entries.remove();
            }
        }
    }
}
