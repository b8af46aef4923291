package org.hackablemail.cli.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code hackmail plugin logs} prints trace entries as the routes give them, attacker-controlled texts escaped. */
class TracePrinterTest {
    private final StringWriter out = new StringWriter();
    private final TracePrinter printer = new TracePrinter(new PrintWriter(out));

    @Test
    void shouldPrintWhatTheRunDidIndentedUnderItsLine() throws Exception {
        printer.print(entries("[{\"id\":1,\"time\":\"2026-12-02T01:02:03Z\",\"version\":2,\"messageId\":\"<m1@x>\","
            + "\"sender\":\"a@b.test\",\"subject\":\"Hello\",\"outcome\":\"delivered\",\"returnCode\":0,"
            + "\"durationMillis\":1.5,\"delivered\":{\"changedHeaders\":[{\"name\":\"Subject\",\"value\":\"[tagged] Hello\"},"
            + "{\"name\":\"X-Old\",\"value\":null}],\"bodyChanged\":true},\"reply\":{\"subject\":\"Re: Hello\"},"
            + "\"logs\":[{\"level\":\"INFO\",\"message\":\"tagged\"}]}]"));

        assertThat(out.toString()).isEqualTo("2026-12-02T01:02:03Z  v2  delivered,     1.50 ms  from a@b.test  \"Hello\"  <m1@x>\n"
            + "    returned 0\n"
            + "    changed Subject: [tagged] Hello\n"
            + "    changed X-Old: (removed)\n"
            + "    changed the body\n"
            + "    replied: Re: Hello\n"
            + "    log INFO: tagged\n");
    }

    @Test
    void shouldPrintAFailureAndANullSender() throws Exception {
        printer.print(entries("[{\"id\":1,\"time\":\"2026-12-02T01:02:03Z\",\"version\":1,\"sender\":\"\",\"subject\":\"\","
            + "\"outcome\":\"failed:timeout\",\"failure\":{\"reason\":\"timeout\",\"message\":\"took more than 1 s\"},"
            + "\"durationMillis\":1000}]"));

        assertThat(out.toString()).isEqualTo("2026-12-02T01:02:03Z  v1  failed:timeout  1000.00 ms  from <>  \"\"  \n"
            + "    failed: timeout: took more than 1 s\n");
    }

    @Test
    void shouldEscapeControlCharactersSoThatNoTextCanForgeALineOrColourTheTerminal() throws Exception {
        printer.print(entries("[{\"id\":1,\"time\":\"2026-12-02T01:02:03Z\",\"version\":1,\"sender\":\"a@b.test\","
            + "\"subject\":\"Cheap \\u001b[31moffer\\n    log INFO: forged\",\"outcome\":\"bounced\",\"returnCode\":77,"
            + "\"durationMillis\":2,\"logs\":[{\"level\":\"INFO\",\"message\":\"line\\r\\u001b[2Kgone\"}]}]"));

        assertThat(out.toString()).doesNotContain("\u001b", "\r").hasLineCount(3)
            .contains("\"Cheap \\u001b[31moffer\\n    log INFO: forged\"", "    log INFO: line\\r\\u001b[2Kgone\n");
    }

    private static JsonNode entries(String json) throws Exception {
        return GuestClient.MAPPER.readTree(json);
    }
}
