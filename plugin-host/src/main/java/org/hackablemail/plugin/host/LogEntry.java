package org.hackablemail.plugin.host;

/** A line a plugin logged through {@code log_*} or wrote to stdout or stderr. */
public record LogEntry(Level level, String message) {

    /** Extism log levels, in the order of the numbers {@code get_log_level} returns. */
    public enum Level {
        TRACE, DEBUG, INFO, WARN, ERROR
    }
}
