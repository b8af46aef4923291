package org.hackablemail.cli.plugin;

import java.io.PrintWriter;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code hackmail plugin versions --server URL --token T}. */
@Command(name = "versions",
    mixinStandardHelpOptions = true,
    description = {"Lists the versions of your plugin, oldest first; '*' marks the active one."},
    footer = GuestCommand.EXIT_CODES)
public class PluginVersionsCommand extends GuestCommand {
    @Mixin
    ServerOptions server;

    @Override
    void run(PrintWriter out) throws CliFailure {
        GuestClient client = server.client();
        JsonNode versions = client.get("/plugin/versions");
        int active = client.get("/plugin").path("active").path("version").asInt(0);
        if (versions.isEmpty()) {
            out.println("No plugin pushed.");
        }
        for (JsonNode version : versions) {
            out.printf("%s %3d  %s  %8d bytes  %s  by %s%n", version.path("version").asInt() == active ? "*" : " ",
                version.path("version").asInt(), version.path("digest").asText(), version.path("size").asLong(),
                version.path("pushedAt").asText(), version.path("pushedBy").asText());
        }
    }
}
