package org.hackablemail.core.trace;

import java.time.Clock;

class InMemoryTraceStoreTest extends TraceStoreContract {
    private InMemoryTraceStore store;

    @Override
    protected TraceStore store(TraceRetention retention, Clock clock) {
        if (store == null) {
            store = new InMemoryTraceStore(retention, clock);
        }
        return store;
    }
}
