package org.hackablemail.spf;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

/**
 * Bounds the time of a whole check: once the budget is spent, every further query fails, so the check ends with
 * temperror. A query already under way is bounded by the delegate's own timeout, so a check lasts at most the
 * budget plus one query timeout. Start one per message.
 */
public final class BudgetedSpfDns implements SpfDns {
    private final SpfDns delegate;
    private final Duration budget;
    private final long deadlineNanos;

    private BudgetedSpfDns(SpfDns delegate, Duration budget) {
        this.delegate = delegate;
        this.budget = budget;
        this.deadlineNanos = System.nanoTime() + budget.toNanos();
    }

    public static BudgetedSpfDns startingNow(SpfDns delegate, Duration budget) {
        return new BudgetedSpfDns(delegate, budget);
    }

    @Override
    public List<String> txt(String name) throws DnsLookupException {
        checkBudget();
        return delegate.txt(name);
    }

    @Override
    public List<InetAddress> a(String name) throws DnsLookupException {
        checkBudget();
        return delegate.a(name);
    }

    @Override
    public List<InetAddress> aaaa(String name) throws DnsLookupException {
        checkBudget();
        return delegate.aaaa(name);
    }

    @Override
    public List<String> mx(String name) throws DnsLookupException {
        checkBudget();
        return delegate.mx(name);
    }

    @Override
    public List<String> ptr(String reverseName) throws DnsLookupException {
        checkBudget();
        return delegate.ptr(reverseName);
    }

    private void checkBudget() throws DnsLookupException {
        if (System.nanoTime() - deadlineNanos >= 0) {
            throw new DnsLookupException("time budget of " + budget.toMillis() + " ms for the SPF check spent");
        }
    }
}
