package org.hackablemail.it;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.hackablemail.cli.HackmailCommand;

import picocli.CommandLine;

/** One run of the {@code hackmail} command line, in this JVM. */
record Cli(int exitCode, String out, String err) {
    static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = new CommandLine(new HackmailCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
            .execute(args);
        return new Cli(exitCode, out.toString(), err.toString());
    }
}
