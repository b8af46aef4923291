package org.hackablemail.plugin.host;

/**
 * A compilation ran past its time budget. Chicory's compiler cannot be interrupted: its thread still runs, and only
 * ending its process stops it.
 */
public final class CompileOverrunException extends PluginRejectedException {

    public CompileOverrunException(String message) {
        super(message);
    }
}
