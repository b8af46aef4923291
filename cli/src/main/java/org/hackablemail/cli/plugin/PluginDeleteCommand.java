package org.hackablemail.cli.plugin;

import java.io.PrintWriter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code hackmail plugin delete --server URL --token T}. */
@Command(name = "delete",
    mixinStandardHelpOptions = true,
    description = {"Deletes your plugin, every version and its configuration: your mail is delivered as usual."},
    footer = GuestCommand.EXIT_CODES)
public class PluginDeleteCommand extends GuestCommand {
    @Mixin
    ServerOptions server;

    @Override
    void run(PrintWriter out) throws CliFailure {
        server.client().delete("/plugin");
        out.println("Plugin deleted.");
    }
}
