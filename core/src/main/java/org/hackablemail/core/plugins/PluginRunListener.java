package org.hackablemail.core.plugins;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * Told of every run of an owner's plugin on a message, once the call is over: the trace, the statistics, the log
 * and the metrics hang off this one place, whichever way plugins are run. A listener is called on the mail's thread:
 * it must be quick, and must not throw (what it throws is caught and reported, never failing the message).
 */
@FunctionalInterface
public interface PluginRunListener {

    void ran(PluginRun run);

    /** Tells each listener in turn; one that throws is reported to {@code failed} and does not stop the others. */
    static PluginRunListener all(List<PluginRunListener> listeners, BiConsumer<PluginRun, RuntimeException> failed) {
        List<PluginRunListener> copy = List.copyOf(listeners);
        return run -> {
            for (PluginRunListener listener : copy) {
                try {
                    listener.ran(run);
                } catch (RuntimeException e) {
                    failed.accept(run, e);
                }
            }
        };
    }
}
