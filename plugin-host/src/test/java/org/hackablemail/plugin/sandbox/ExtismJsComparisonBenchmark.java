package org.hackablemail.plugin.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hackablemail.plugin.email.EmailJson;
import org.hackablemail.plugin.email.IncomingEmail;

/**
 * Our side of {@code plugin-host/bench/bench.sh}, which compares our host with the official Extism JS host on the
 * same module and the same input bytes, in the same run. Not a test. Writes the message (a 4.9 KB
 * {@code IncomingEmail} JSON) to the given file for the JS side, measures the plugin's warm call in process and
 * through a worker ({@link SandboxBenchmark#warmRoundTrip}), and ends with one line per figure for the script:
 * {@code result <in-process|worker> <median us> <p99 us> <calls>}.
 * <pre>
 * java -cp ... org.hackablemail.plugin.sandbox.ExtismJsComparisonBenchmark plugin.wasm mail.json
 * </pre>
 */
public final class ExtismJsComparisonBenchmark {
    /** About the size of a short mail with a few quoted paragraphs, as the issue measured it. */
    private static final int MAIL_BYTES = 4_900;

    private ExtismJsComparisonBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: ExtismJsComparisonBenchmark plugin.wasm mail.json");
        }
        byte[] mail = projectXyzMail();
        Files.write(Path.of(args[1]), mail);
        SandboxBenchmark.WarmFigures figures = SandboxBenchmark.warmRoundTrip(
            Files.createTempDirectory("extism-js-comparison").resolve("code"), Path.of(args[0]), mail);
        result("in-process", figures.inProcess());
        result("worker", figures.throughWorker());
    }

    /** The Project XYZ status mail, its body grown by numbered paragraphs until its JSON is {@link #MAIL_BYTES}. */
    static byte[] projectXyzMail() {
        IncomingEmail.Builder email = IncomingEmail.builder()
            .sender("alice@example.org").receiver("bob@example.org")
            .headers(headers())
            .messageId("1234@example.org").subject("Project XYZ status").attachments(List.of())
            .remoteIp("192.0.2.1").bodyTruncated(false).receivedAt(1763800000L);
        List<String> paragraphs = new ArrayList<>(List.of("Hi Bob,\n\nwhere are we with project XYZ?\n"));
        byte[] json = EmailJson.toJson(email.body(String.join("\n", paragraphs)).size(0L).build());
        while (json.length < MAIL_BYTES) {
            paragraphs.add(paragraphs.size() + ". The \"weekly\" figures are in; the build is green again,"
                + " the review of the storage layer is due on Friday.\n");
            String body = String.join("\n", paragraphs) + "\nAlice\n";
            json = EmailJson.toJson(email.body(body).size((long) body.length()).build());
        }
        return json;
    }

    /** In a fixed order: the same bytes from run to run. */
    private static Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Date", "Sat, 22 Nov 2025 08:26:40 +0000");
        headers.put("From", "Alice <alice@example.org>");
        headers.put("To", "bob@example.org");
        headers.put("Message-ID", "<1234@example.org>");
        headers.put("Subject", "Project XYZ status");
        headers.put("Content-Type", "text/plain; charset=utf-8");
        return headers;
    }

    private static void result(String what, long[] nanos) {
        System.out.printf("result %s %.1f %.1f %d%n", what, SandboxBenchmark.percentile(nanos, 0.5) / 1e3,
            SandboxBenchmark.percentile(nanos, 0.99) / 1e3, nanos.length);
    }
}
