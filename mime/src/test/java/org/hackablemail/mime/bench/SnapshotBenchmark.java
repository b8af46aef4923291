package org.hackablemail.mime.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;

import org.hackablemail.mime.MessageSnapshot;

/**
 * Time to take a snapshot of crafted messages, against a plain text message of the same size taken in the same run:
 * CPU time of this thread (the machine is shared), the best of several runs, per MB. Not a test: run it with
 * <pre>
 * mvn -q -pl mime -am test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test
 * java -cp mime/target/test-classes:mime/target/classes:$(cat mime/cp.txt) org.hackablemail.mime.bench.SnapshotBenchmark [MB]
 * </pre>
 * A routine linear in the message's size shows the same ms/MB at every size; the ratio says how much dearer per byte
 * a crafted message is than plain text.
 */
public final class SnapshotBenchmark {
    private static final int RUNS = 5;

    private SnapshotBenchmark() {
    }

    public static void main(String[] args) {
        int largest = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Map<String, IntFunction<byte[]>> shapes = new LinkedHashMap<>();
        shapes.put("plain text", size -> message("text/plain", "word ".repeat(size / 5)));
        shapes.put("html", size -> message("text/html", "<p>Hello <b>there</b>, a line of text.</p>\n".repeat(size / 44)));
        shapes.put("html <!--", size -> message("text/html", "<!--".repeat(size / 4)));
        shapes.put("html <script", size -> message("text/html", "<script".repeat(size / 7)));
        shapes.put("html nested tags", size -> message("text/html", "<div><b><i><table><tr><td><a href=x>".repeat(size / 35)));
        shapes.put("html unclosed <a", size -> message("text/html", "<a href=x".repeat(size / 9)));
        shapes.put("subject =?a?b?c", size -> ("Subject: " + "=?a?b?c ".repeat(size / 8) + "\r\n\r\nbody")
            .getBytes(StandardCharsets.US_ASCII));
        shapes.put("header fields", size -> ("X-A: b\r\n".repeat(size / 8) + "\r\nbody").getBytes(StandardCharsets.US_ASCII));
        shapes.put("one long line", size -> message("text/plain", "x".repeat(size)));
        shapes.put("deep nesting", SnapshotBenchmark::nested);
        shapes.put("base64 attachment", SnapshotBenchmark::attachment);

        System.out.printf(Locale.ROOT, "%-20s %10s %10s %10s %12s%n", "message", "bytes", "CPU ms", "ms/MB", "vs plain/MB");
        for (int size : new int[] {120_000, 160_000, 1 << 20, largest << 20}) {
            double plainPerMb = perMb(shapes.get("plain text").apply(size));
            for (Map.Entry<String, IntFunction<byte[]>> shape : shapes.entrySet()) {
                byte[] message = shape.getValue().apply(size);
                double millis = bestCpuMillis(message);
                double perMb = millis / (message.length / 1_048_576.0);
                System.out.printf(Locale.ROOT, "%-20s %10d %10.1f %10.1f %12.2f%n", shape.getKey(), message.length,
                    millis, perMb, perMb / plainPerMb);
            }
            System.out.println();
        }
    }

    private static double perMb(byte[] message) {
        return bestCpuMillis(message) / (message.length / 1_048_576.0);
    }

    private static double bestCpuMillis(byte[] message) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long best = Long.MAX_VALUE;
        for (int run = 0; run < RUNS; run++) {
            long start = threads.getCurrentThreadCpuTime();
            MessageSnapshot.of(message);
            best = Math.min(best, threads.getCurrentThreadCpuTime() - start);
        }
        return best / 1e6;
    }

    private static byte[] message(String type, String body) {
        return ("Subject: benchmark\r\nContent-Type: " + type + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] nested(int size) {
        StringBuilder open = new StringBuilder("Subject: deep\r\n");
        int levels = 200;
        for (int level = 0; level < levels; level++) {
            open.append("Content-Type: multipart/mixed; boundary=\"n").append(level).append("\"\r\n\r\n--n")
                .append(level).append("\r\n");
        }
        open.append("Content-Type: text/plain\r\n\r\n").append("word ".repeat(Math.max(0, size - open.length()) / 5));
        return open.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] attachment(int size) {
        byte[] content = new byte[size * 3 / 4];
        new Random(size).nextBytes(content);
        return ("Subject: archive\r\nContent-Type: application/zip; name=\"a.zip\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + Base64.getMimeEncoder().encodeToString(content)).getBytes(StandardCharsets.US_ASCII);
    }
}
