package org.hackablemail.cli.plugin;

import picocli.CommandLine.Command;

/** {@code hackmail plugin config get|set}: what your plugin reads with {@code config_get}, on the server. */
@Command(name = "config",
    mixinStandardHelpOptions = true,
    description = {"Reads or changes your plugin's configuration on the server: what it reads with config_get."},
    subcommands = {PluginConfigGetCommand.class, PluginConfigSetCommand.class})
public class PluginConfigCommand {
}
