package org.hackablemail.cli.plugin;

import java.io.PrintWriter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code hackmail plugin activate N --server URL --token T}: roll back (or forward) to a version. */
@Command(name = "activate",
    mixinStandardHelpOptions = true,
    description = {"Makes one of your earlier versions the active plugin again (rollback)."},
    footer = GuestCommand.EXIT_CODES)
public class PluginActivateCommand extends GuestCommand {
    @Parameters(index = "0", paramLabel = "VERSION", description = "The version number ('hackmail plugin versions').")
    int version;

    @Mixin
    ServerOptions server;

    @Override
    void run(PrintWriter out) throws CliFailure {
        server.client().post("/plugin/versions/" + version + "/activate", new byte[0], "application/json");
        out.println("Version " + version + " is active.");
    }
}
