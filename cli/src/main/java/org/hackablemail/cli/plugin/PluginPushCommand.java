package org.hackablemail.cli.plugin;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import org.hackablemail.plugin.simulation.SimulationCases;
import org.hackablemail.plugin.simulation.SimulationReport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hackmail plugin push PLUGIN.wasm --server URL --token T [--cases DIR]}. */
@Command(name = "push",
    mixinStandardHelpOptions = true,
    description = {"Uploads the plugin as your new active version. The server validates it and runs the simulations "
        + "(and your --cases) first: when one fails, nothing changes and the failures are printed."},
    footer = GuestCommand.EXIT_CODES)
public class PluginPushCommand extends GuestCommand {
    @Parameters(index = "0", paramLabel = "PLUGIN.wasm", description = "The plugin module.")
    Path plugin;

    @Option(names = "--cases", paramLabel = "DIR", description = "Your simulation cases (*.json, as for 'plugin test').")
    Path cases;

    @Mixin
    ServerOptions server;

    @Override
    void run(PrintWriter out) throws CliFailure {
        byte[] wasm = PluginFiles.read(plugin);
        GuestClient client = server.client();
        err().println("Pushing " + plugin + " (" + wasm.length + " bytes); the server runs the simulations ...");
        err().flush();
        JsonNode version;
        try {
            version = cases == null ? client.put("/plugin", wasm, "application/wasm")
                : client.put("/plugin", withCases(wasm), "application/json");
        } catch (GuestClient.ServerRefusal refusal) {
            refusal.simulations().ifPresent(report -> new ReportPrinter(out).print(
                GuestClient.MAPPER.convertValue(report, SimulationReport.class)));
            out.flush();
            throw refusal;
        }
        out.println("Pushed: version " + version.path("version").asInt() + " is active (" + version.path("digest").asText()
            + ").");
    }

    /** {@code {"plugin": base64, "cases": [...]}}, the cases as the server reads them. */
    private byte[] withCases(byte[] wasm) throws CliFailure {
        List<SimulationCases.Case> ownerCases = PluginFiles.cases(cases).stream()
            .map(scenario -> new SimulationCases.Case(scenario.name(),
                new String(scenario.message(), StandardCharsets.UTF_8), !scenario.deliverSucceeds(),
                !scenario.replySucceeds(), scenario.expect()))
            .collect(Collectors.toList());
        ObjectNode body = GuestClient.MAPPER.createObjectNode().put("plugin", Base64.getEncoder().encodeToString(wasm));
        try {
            body.set("cases", GuestClient.MAPPER.readTree(SimulationCases.toJson(ownerCases)));
        } catch (IOException e) {
            throw new IllegalStateException("Simulation cases are always JSON", e);
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }
}
