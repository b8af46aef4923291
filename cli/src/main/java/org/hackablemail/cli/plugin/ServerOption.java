package org.hackablemail.cli.plugin;

import java.net.URI;

import picocli.CommandLine.Option;

/** {@code --server URL}: the mail server whose guest endpoint to call. */
final class ServerOption {
    @Option(names = "--server", required = true, paramLabel = "URL",
        description = "The mail server's webadmin URL, e.g. http://localhost:8000 (the demo's).")
    URI server;
}
