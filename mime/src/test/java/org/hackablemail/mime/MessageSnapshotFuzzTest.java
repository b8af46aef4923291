package org.hackablemail.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;

/**
 * The snapshot over randomly generated and randomly damaged MIME: it never throws, lists every attachment whose own
 * header survived, and takes time in proportion to the message's size.
 */
class MessageSnapshotFuzzTest {
    private static final int MESSAGES = 400;

    @Test
    void shouldListEveryAttachmentWhenOnlyContentIsDamaged() {
        Random random = new Random(10);
        RandomMime generator = new RandomMime(random);
        for (int i = 0; i < MESSAGES; i++) {
            byte[] message = generator.message();
            byte[] damaged = damageContent(message, random);

            MessageSnapshot snapshot = MessageSnapshot.of(damaged);

            assertThat(snapshot.attachments()).as("message %d", i).extracting(Part::filename)
                .containsAll(generator.attachments());
        }
    }

    @Test
    void shouldNeverThrowWhenMessageIsMutatedAnywhere() {
        Random random = new Random(20);
        RandomMime generator = new RandomMime(random);
        for (int i = 0; i < MESSAGES; i++) {
            byte[] mutated = mutate(generator.message(), random);

            assertThatCode(() -> {
                MessageSnapshot snapshot = MessageSnapshot.of(mutated);
                assertThat(snapshot.size()).isEqualTo(mutated.length);
                assertThat(snapshot.parts()).isNotEmpty().hasSizeLessThanOrEqualTo(MimeLimits.DEFAULT.maxParts() + 1);
                assertThat(snapshot.attachments()).allSatisfy(part -> assertThat(part.size()).isNotNegative());
            }).as("message %d: %s", i, new String(mutated, StandardCharsets.ISO_8859_1)).doesNotThrowAnyException();
        }
    }

    /**
     * Each crafted shape at two sizes, eight times apart: per byte, the larger must not cost much more than the smaller.
     * A quadratic routine costs eight times as much per byte; the bound is loose because the machine is shared (CPU time
     * of this thread, the best of alternating runs).
     */
    @Test
    void shouldTakeTimeInProportionToSizeWhenMessageIsCrafted() {
        for (Shape shape : Shape.values()) {
            byte[] small = shape.build(100_000);
            byte[] large = shape.build(800_000);
            long bestSmall = Long.MAX_VALUE;
            long bestLarge = Long.MAX_VALUE;
            for (int run = 0; run < 9; run++) {
                bestSmall = Math.min(bestSmall, cpuNanos(small));
                bestLarge = Math.min(bestLarge, cpuNanos(large));
            }
            double ratio = (bestLarge / (double) large.length) / (bestSmall / (double) small.length);

            assertThat(ratio).as("%s: CPU time per byte at 800 KB over CPU time per byte at 100 KB", shape)
                .isLessThan(4.0);
        }
    }

    /** Crafted messages of about {@code n} bytes. */
    enum Shape {
        COMMENTS_IN_HTML(n -> html("<!--".repeat(n / 4))),
        SCRIPTS_IN_HTML(n -> html("<script".repeat(n / 7))),
        UNCLOSED_TAGS_IN_HTML(n -> html("<a href=x".repeat(n / 9))),
        NESTED_TAGS_IN_HTML(n -> html("<div><b><i><table><tr><td>".repeat(n / 26))),
        ENCODED_WORD_STARTS_IN_SUBJECT(n -> ("Subject: " + "=?a?b?c ".repeat(n / 8) + "\r\n\r\nbody")
            .getBytes(StandardCharsets.US_ASCII)),
        MANY_HEADER_FIELDS(n -> ("X-A: b\r\n".repeat(n / 8) + "\r\nbody").getBytes(StandardCharsets.US_ASCII)),
        FOLDED_HEADER(n -> ("Subject: a\r\n" + " b\r\n".repeat(n / 4) + "\r\nbody").getBytes(StandardCharsets.US_ASCII)),
        LONG_LINE(n -> ("Subject: x\r\n\r\n" + "x".repeat(n)).getBytes(StandardCharsets.US_ASCII)),
        DEEP_NESTING(n -> MessageSnapshotTest.nested(n / 60, "").getBytes(StandardCharsets.US_ASCII)),
        MANY_PARTS(n -> MessageSnapshotTest.multipart(parts(n / 60)).getBytes(StandardCharsets.US_ASCII)),
        BROKEN_BASE64(n -> ("Content-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + "!a=b".repeat(n / 4)).getBytes(StandardCharsets.US_ASCII));

        private final IntFunction<byte[]> builder;

        Shape(IntFunction<byte[]> builder) {
            this.builder = builder;
        }

        byte[] build(int size) {
            return builder.apply(size);
        }

        private static byte[] html(String body) {
            return ("Content-Type: text/html\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII);
        }

        private static String[] parts(int count) {
            String[] parts = new String[count];
            Arrays.fill(parts, MessageSnapshotTest.part("image/gif; name=\"a.gif\"", "base64", "R0lGODlh"));
            return parts;
        }
    }

    private static long cpuNanos(byte[] message) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        MessageSnapshot.of(message);
        return Math.max(1, threads.getCurrentThreadCpuTime() - start);
    }

    /** Damages bytes of content lines only: lines that are not header fields, boundaries or blank. */
    private static byte[] damageContent(byte[] message, Random random) {
        String text = new String(message, StandardCharsets.ISO_8859_1);
        String[] lines = text.split("\r\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            boolean structure = line.isEmpty() || line.startsWith("--") || line.contains(":") || line.startsWith(" ");
            if (!structure && random.nextInt(3) == 0) {
                char[] chars = line.toCharArray();
                for (int k = 0; k < 1 + random.nextInt(5); k++) {
                    chars[random.nextInt(chars.length)] = "\0\u00ff=!?<>%\u0080"
                        .charAt(random.nextInt(9));
                }
                lines[i] = new String(chars).replace("\r", "").replace("\n", "").replace("--", "-!");
            }
        }
        return String.join("\r\n", lines).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] mutate(byte[] message, Random random) {
        byte[] result = message;
        int mutations = 1 + random.nextInt(6);
        for (int m = 0; m < mutations && result.length > 0; m++) {
            int at = random.nextInt(result.length);
            int length = Math.min(result.length - at, random.nextInt(200));
            ByteArrayOutputStream out = new ByteArrayOutputStream(result.length + 400);
            out.write(result, 0, at);
            switch (random.nextInt(7)) {
                case 0 -> {
                    byte[] flipped = Arrays.copyOfRange(result, at, at + length);
                    for (int i = 0; i < flipped.length; i++) {
                        flipped[i] ^= (byte) (1 << random.nextInt(8));
                    }
                    out.writeBytes(flipped);
                }
                case 1 -> at += length; // deleted
                case 2 -> out.write(result, at, length); // duplicated below
                case 3 -> {
                    byte[] noise = new byte[random.nextInt(100)];
                    random.nextBytes(noise);
                    out.writeBytes(noise);
                }
                case 4 -> out.writeBytes("\r\n--=_b0\r\nContent-Type: multipart/mixed; boundary=\"=_b0\"\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
                case 5 -> out.writeBytes("\0\0\r\n\r\n\u00ff\u00fe".getBytes(StandardCharsets.ISO_8859_1));
                default -> {
                    return Arrays.copyOf(result, at); // truncated
                }
            }
            out.write(result, at, result.length - at);
            result = out.toByteArray();
        }
        return result;
    }

    @Test
    void generatorShouldNameTheAttachmentsWhenMessageIsIntact() {
        RandomMime generator = new RandomMime(new Random(30));
        for (int i = 0; i < 50; i++) {
            MessageSnapshot snapshot = MessageSnapshot.of(generator.message());
            List<String> expected = generator.attachments();

            assertThat(snapshot.attachments()).extracting(Part::filename).filteredOn(name -> name != null)
                .containsExactlyElementsOf(expected);
            assertThat(snapshot.problems()).extracting(Problem::code)
                .isSubsetOf(Problem.Code.UNKNOWN_CHARSET, Problem.Code.MALFORMED_TEXT);
        }
    }
}
