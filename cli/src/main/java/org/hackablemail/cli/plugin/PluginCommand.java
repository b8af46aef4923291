package org.hackablemail.cli.plugin;

import picocli.CommandLine.Command;

/** {@code hackmail plugin}: test a plugin locally, manage yours on a server with your push token. */
@Command(name = "plugin",
    mixinStandardHelpOptions = true,
    description = {"Tests a plugin locally, and manages your plugin on a mail server with the push token of your "
        + "invite ('hackmail invite redeem')."},
    subcommands = {PluginTestCommand.class, PluginPushCommand.class, PluginVersionsCommand.class,
        PluginActivateCommand.class, PluginDeleteCommand.class, PluginConfigCommand.class, PluginLogsCommand.class})
public class PluginCommand {
}
