package org.hackablemail.cli;

import org.hackablemail.cli.bayes.BayesCommand;
import org.hackablemail.cli.plugin.InviteCommand;
import org.hackablemail.cli.plugin.PluginCommand;
import org.hackablemail.cli.storage.StorageCommand;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code hackmail} command: one entry point for admins and plugin authors. */
@Command(name = "hackmail",
    mixinStandardHelpOptions = true,
    versionProvider = CliVersion.class,
    description = "Hackable Mail: per-recipient WebAssembly plugins for Apache James.",
    subcommands = {DemoCommand.class, BayesCommand.class, PluginCommand.class, InviteCommand.class,
        StorageCommand.class, CommandLine.HelpCommand.class})
public class HackmailCommand {
    public static void main(String[] args) {
        System.exit(new CommandLine(new HackmailCommand()).execute(args));
    }
}
