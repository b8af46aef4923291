package org.hackablemail.cli.plugin;

import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code hackmail plugin logs [--follow] [--since WHEN] [--limit N] --server URL (--token T | --owner ADDRESS
 * --admin-token T)}: the trace of your plugin (or, for an administrator, of any owner's).
 */
@Command(name = "logs",
    mixinStandardHelpOptions = true,
    description = {"Prints what your plugin did with the latest messages: when, from whom, the subject, the version, "
        + "the outcome and time, what it changed or replied, why it failed, and its log lines.",
        "With --follow, keeps printing each new message as it comes (Ctrl-C to stop).",
        "Administrators read any owner's with --owner and --admin-token (webadmin's JSON Web Token)."},
    footer = GuestCommand.EXIT_CODES)
public class PluginLogsCommand extends GuestCommand {
    private static final String WAIT = "25s";
    private static final Duration BACK_OFF = Duration.ofSeconds(30);
    private static final int TOO_MANY_REQUESTS = 429;

    @Mixin
    ServerOption server;

    @Option(names = "--token", paramLabel = "T", defaultValue = "${env:HACKMAIL_TOKEN}",
        description = "Your push token. Default: $HACKMAIL_TOKEN.")
    String token;

    @Option(names = "--owner", paramLabel = "ADDRESS", description = "Whose trace to read (administrators).")
    String owner;

    @Option(names = "--admin-token", paramLabel = "T", defaultValue = "${env:HACKMAIL_ADMIN_TOKEN}",
        description = "An administrator's webadmin token, with --owner. Default: $HACKMAIL_ADMIN_TOKEN.")
    String adminToken;

    @Option(names = {"-f", "--follow"}, description = "Keep printing new messages as they come.")
    boolean follow;

    @Option(names = "--since", paramLabel = "WHEN",
        description = "Only messages since then: a time (2025-01-02T03:04:05Z) or how long ago (1h, 30 minutes).")
    String since;

    @Option(names = {"-n", "--limit"}, paramLabel = "N", defaultValue = "20",
        description = "How many of the latest messages to print first (at most 1000). Default: ${DEFAULT-VALUE}.")
    int limit;

    @Override
    void run(PrintWriter out) throws CliFailure {
        if (limit < 1 || limit > 1000) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--limit must be from 1 to 1000");
        }
        GuestClient client = client();
        String path = owner == null ? "/plugin/trace" : "/hackable/plugins/" + encode(owner).replace("%40", "@") + "/trace";
        TracePrinter printer = new TracePrinter(out);
        String filter = since == null ? "" : "&since=" + encode(since);
        JsonNode page = client.get(path + "?limit=" + limit + filter);
        printer.print(page.path("entries"));
        long next = page.path("next").asLong();
        while (follow && !Thread.currentThread().isInterrupted()) {
            try {
                page = client.get(path + "?limit=100&after=" + next + "&wait=" + WAIT);
            } catch (GuestClient.ServerRefusal refusal) {
                if (refusal.status() != TOO_MANY_REQUESTS) {
                    throw refusal;
                }
                err().println("hackmail: the server asks to slow down; following again in " + BACK_OFF.toSeconds() + "s");
                err().flush();
                pause();
                continue;
            }
            printer.print(page.path("entries"));
            next = page.path("next").asLong();
        }
    }

    private GuestClient client() throws CliFailure {
        if (owner != null) {
            if (adminToken == null || adminToken.isBlank()) {
                throw new CliFailure("--owner needs --admin-token (or HACKMAIL_ADMIN_TOKEN): a webadmin token",
                    CliFailure.REFUSED);
            }
            return GuestClient.admin(server.server, adminToken.trim());
        }
        if (token == null || token.isBlank()) {
            throw new CliFailure("no push token: give --token, or set HACKMAIL_TOKEN (administrators: --owner and "
                + "--admin-token)", CliFailure.REFUSED);
        }
        return new GuestClient(server.server, token.trim());
    }

    private static void pause() throws CliFailure {
        try {
            Thread.sleep(BACK_OFF.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure("interrupted", CliFailure.UNAVAILABLE);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
