package org.hackablemail.core.cache;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/** Holds what it is given until the test runs it: background reloads happen exactly when the test says. */
public final class ManualExecutor implements Executor {
    private final Queue<Runnable> pending = new ArrayDeque<>();

    @Override
    public synchronized void execute(Runnable task) {
        pending.add(task);
    }

    /** Runs what was given so far; returns how many tasks ran. */
    public int runPending() {
        int ran = 0;
        for (Runnable task = next(); task != null; task = next()) {
            task.run();
            ran++;
        }
        return ran;
    }

    private synchronized Runnable next() {
        return pending.poll();
    }
}
