package org.hackablemail.cli.plugin;

import java.io.PrintWriter;
import java.util.Locale;

import org.hackablemail.core.PrintableText;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Prints trace entries as the trace routes give them: a line per message, then what the plugin changed, replied,
 * failed and logged, indented. Every text came from a message or a plugin: it goes through {@link PrintableText}, so
 * that it cannot move the cursor, colour the terminal or forge lines.
 */
final class TracePrinter {
    private final PrintWriter out;

    TracePrinter(PrintWriter out) {
        this.out = out;
    }

    void print(JsonNode entries) {
        for (JsonNode entry : entries) {
            printEntry(entry);
        }
        out.flush();
    }

    private void printEntry(JsonNode entry) {
        out.printf(Locale.ROOT, "%s  v%d  %-9s %8.2f ms  from %s  \"%s\"  %s%n", text(entry, "time"), entry.path("version").asInt(),
            text(entry, "outcome") + (entry.has("reply") ? "," : ""), entry.path("durationMillis").asDouble(),
            entry.path("sender").asText().isEmpty() ? "<>" : text(entry, "sender"), text(entry, "subject"),
            text(entry, "messageId"));
        if (entry.has("returnCode")) {
            out.println("    returned " + entry.path("returnCode").asInt());
        }
        if (entry.has("failure")) {
            out.println("    failed: " + text(entry.path("failure"), "reason") + ": " + text(entry.path("failure"), "message"));
        }
        if (entry.has("delivered")) {
            for (JsonNode change : entry.path("delivered").path("changedHeaders")) {
                out.println("    changed " + text(change, "name") + ": "
                    + (change.path("value").isNull() ? "(removed)" : text(change, "value")));
            }
            if (entry.path("delivered").path("bodyChanged").asBoolean()) {
                out.println("    changed the body");
            }
        }
        if (entry.has("reply")) {
            out.println("    replied: " + text(entry.path("reply"), "subject"));
        }
        for (JsonNode log : entry.path("logs")) {
            out.println("    log " + text(log, "level") + ": " + text(log, "message"));
        }
    }

    private static String text(JsonNode node, String field) {
        return PrintableText.of(node.path(field).asText());
    }
}
