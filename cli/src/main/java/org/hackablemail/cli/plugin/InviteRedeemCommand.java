package org.hackablemail.cli.plugin;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code hackmail invite redeem CODE --server URL}: the push token alone on the last line. */
@Command(name = "redeem",
    mixinStandardHelpOptions = true,
    description = {"Exchanges an invite code (it works once) for a push token bound to your address. The token is "
        + "printed alone on the last line: TOKEN=$(hackmail invite redeem CODE --server URL | tail -n 1)"},
    footer = GuestCommand.EXIT_CODES)
public class InviteRedeemCommand extends GuestCommand {
    @Parameters(index = "0", paramLabel = "CODE", description = "The code from the invite mail.")
    String code;

    @Mixin
    ServerOption server;

    @Override
    void run(PrintWriter out) throws CliFailure {
        byte[] body = GuestClient.MAPPER.createObjectNode().put("code", code.trim()).toString()
            .getBytes(StandardCharsets.UTF_8);
        JsonNode redeemed = GuestClient.anonymous(server.server).post("/redeem", body, "application/json");
        out.println("Push token for " + redeemed.path("address").asText() + " (keep it secret; use it as --token or "
            + "HACKMAIL_TOKEN):");
        out.println(redeemed.path("token").asText());
    }
}
