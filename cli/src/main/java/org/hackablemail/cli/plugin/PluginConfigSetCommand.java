package org.hackablemail.cli.plugin;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hackmail plugin config set KEY=VALUE... [--remove KEY] [--replace] --server URL --token T}. */
@Command(name = "set",
    mixinStandardHelpOptions = true,
    description = {"Sets keys of your plugin's configuration; the other keys stay, unless --replace. The plugin reads "
        + "the new values from the next message on."},
    footer = GuestCommand.EXIT_CODES)
public class PluginConfigSetCommand extends GuestCommand {
    @Parameters(paramLabel = "KEY=VALUE", arity = "0..*", description = "A key and its value, e.g. greeting=Hello.")
    List<String> pairs = new ArrayList<>();

    @Option(names = "--remove", paramLabel = "KEY", description = "Removes this key (may be repeated).")
    List<String> removed = new ArrayList<>();

    @Option(names = "--replace", description = "The configuration becomes exactly the given keys.")
    boolean replace;

    @Mixin
    ServerOptions server;

    @Override
    void run(PrintWriter out) throws CliFailure {
        Map<String, String> changes = ConfigPairs.parse(pairs, spec);
        GuestClient client = server.client();
        Map<String, String> config = new TreeMap<>();
        if (!replace) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = client.get("/plugin/config").fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                config.put(field.getKey(), field.getValue().asText());
            }
        }
        config.putAll(changes);
        removed.forEach(config::remove);
        client.put("/plugin/config", GuestClient.MAPPER.valueToTree(config).toString().getBytes(StandardCharsets.UTF_8),
            "application/json");
        out.println("Configuration saved: " + config.size() + " key(s).");
    }
}
