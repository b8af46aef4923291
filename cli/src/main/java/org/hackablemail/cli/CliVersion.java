package org.hackablemail.cli;

import picocli.CommandLine.IVersionProvider;

/** The version printed by {@code hackmail --version}, from the jar's manifest. */
public class CliVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = HackmailCommand.class.getPackage().getImplementationVersion();
        return new String[] {"hackmail " + (version == null ? "(development build)" : version)};
    }
}
