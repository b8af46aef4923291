package org.hackablemail.cli.plugin;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that reports its failures as one line on standard error, with their exit code, and no stack trace. */
abstract class GuestCommand implements Callable<Integer> {
    static final String EXIT_CODES = "%nExit codes: 0 done; 1 refused (invalid plugin, failed simulations, bad code or "
        + "token); 2 wrong usage; 3 a file cannot be read or the server cannot be reached.";

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        try {
            run(spec.commandLine().getOut());
            return 0;
        } catch (CliFailure e) {
            spec.commandLine().getErr().println("hackmail: " + e.getMessage());
            return e.exitCode();
        }
    }

    abstract void run(PrintWriter out) throws CliFailure;

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
