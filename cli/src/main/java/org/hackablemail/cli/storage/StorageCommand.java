package org.hackablemail.cli.storage;

import picocli.CommandLine.Command;

/** {@code hackmail storage}: moving the bundle's state between back-ends. */
@Command(name = "storage",
    mixinStandardHelpOptions = true,
    description = {"Moves the bundle's state between back-ends (file system, Cassandra)."},
    subcommands = {StorageMigrateCommand.class})
public class StorageCommand {
}
