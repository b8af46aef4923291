package org.hackablemail.plugin.host;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/** Runs a plugin call under a timeout, interrupting it at the deadline. */
interface CallRunner extends AutoCloseable {

    /**
     * @throws TimeoutException when the task ran past {@code timeout}: it was interrupted, and has stopped unless it
     *     ignored the interruption (then the runner's policy says how long it was waited for)
     * @throws ExecutionException when the task threw
     */
    <T> T run(Callable<T> task, Duration timeout) throws TimeoutException, ExecutionException, InterruptedException;

    @Override
    void close();
}
