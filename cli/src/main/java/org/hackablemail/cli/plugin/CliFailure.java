package org.hackablemail.cli.plugin;

/** A failure to report in one line, with the command's exit code. */
class CliFailure extends Exception {
    /** The server or the local sandbox refused the plugin, the code or the token. */
    static final int REFUSED = 1;
    /** A file could not be read, or the server could not be reached. */
    static final int UNAVAILABLE = 3;

    private final int exitCode;

    CliFailure(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
