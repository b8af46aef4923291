package org.hackablemail.cli.plugin;

import java.io.PrintWriter;
import java.util.Iterator;
import java.util.Map;

import org.hackablemail.core.PrintableText;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code hackmail plugin config get [KEY] --server URL --token T}. */
@Command(name = "get",
    mixinStandardHelpOptions = true,
    description = {"Prints your plugin's configuration, a KEY=VALUE line each (line breaks and control characters "
        + "escaped as \\n, \\uXXXX), or the value of one key."},
    footer = GuestCommand.EXIT_CODES)
public class PluginConfigGetCommand extends GuestCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "KEY", description = "Only this key's value.")
    String key;

    @Mixin
    ServerOptions server;

    @Override
    void run(PrintWriter out) throws CliFailure {
        JsonNode config = server.client().get("/plugin/config");
        if (key != null) {
            JsonNode value = config.get(key);
            if (value == null) {
                throw new CliFailure("your plugin's configuration has no key '" + PrintableText.of(key) + "'",
                    CliFailure.REFUSED);
            }
            out.println(PrintableText.of(value.asText()));
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = config.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            out.println(PrintableText.of(field.getKey()) + "=" + PrintableText.of(field.getValue().asText()));
        }
    }
}
