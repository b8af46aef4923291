package org.hackablemail.cli.plugin;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where the guest endpoint is, and the push token: {@code --server URL --token T}. */
final class ServerOptions {
    @Mixin
    ServerOption server;

    @Option(names = "--token", paramLabel = "T", defaultValue = "${env:HACKMAIL_TOKEN}",
        description = "Your push token (what 'hackmail invite redeem' printed). Default: $HACKMAIL_TOKEN.")
    String token;

    GuestClient client() throws CliFailure {
        if (token == null || token.isBlank()) {
            throw new CliFailure("no push token: give --token, or set HACKMAIL_TOKEN (run 'hackmail invite redeem CODE "
                + "--server URL' for one)", CliFailure.REFUSED);
        }
        return new GuestClient(server.server, token.trim());
    }
}
