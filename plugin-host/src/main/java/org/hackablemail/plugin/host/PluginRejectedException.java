package org.hackablemail.plugin.host;

/** A module that cannot be installed: not Wasm, not an email plugin, over a limit, or failing to compile. */
public class PluginRejectedException extends Exception {

    public PluginRejectedException(String message) {
        super(message);
    }

    public PluginRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
