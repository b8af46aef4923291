package org.hackablemail.bayes.store;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.hackablemail.bayes.TokenCount;

/**
 * The portable export of the shared model's counts: UTF-8 text, one record per line, fields separated by a tab.
 * <pre>
 * hackable-mail-bayes	1	&lt;spam messages&gt;	&lt;ham messages&gt;	&lt;last trained, epoch ms, or empty&gt;
 * &lt;token&gt;	&lt;spam count&gt;	&lt;ham count&gt;
 * …
 * </pre>
 * Tokens never contain white space. Independent of any store's format, so it moves a trained model between servers and
 * store kinds; an import becomes the new store's {@link Baseline}.
 */
public final class ExportFormat {
    static final String MAGIC = "hackable-mail-bayes";
    static final String VERSION = "1";

    private ExportFormat() {
    }

    public static void write(Map<String, TokenCount> counts, long spamMessages, long hamMessages,
                             Optional<Instant> lastTrained, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        writer.write(String.join("\t", MAGIC, VERSION, Long.toString(spamMessages), Long.toString(hamMessages),
            lastTrained.map(i -> Long.toString(i.toEpochMilli())).orElse("")));
        writer.write('\n');
        for (Map.Entry<String, TokenCount> entry : counts.entrySet()) {
            if (entry.getValue().spam() + entry.getValue().ham() > 0) {
                writer.write(entry.getKey() + '\t' + entry.getValue().spam() + '\t' + entry.getValue().ham() + '\n');
            }
        }
        writer.flush();
    }

    /** Reads a whole export; an {@link InvalidExportException} names the first malformed line. */
    public static Baseline read(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String[] header = fields(reader.readLine(), 1);
        if (header.length != 5 || !header[0].equals(MAGIC) || !header[1].equals(VERSION)) {
            throw new InvalidExportException("Not a " + MAGIC + " export of version " + VERSION);
        }
        long spamMessages = number(header[2], 1);
        long hamMessages = number(header[3], 1);
        if (!header[4].isEmpty()) {
            number(header[4], 1);
        }
        Map<String, TokenCount> counts = new HashMap<>();
        int lineNumber = 1;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            String[] record = fields(line, lineNumber);
            if (record.length != 3 || record[0].isEmpty() || record[0].chars().anyMatch(Character::isWhitespace)) {
                throw new InvalidExportException("Line " + lineNumber + ": expected token, spam count, ham count");
            }
            counts.put(record[0], new TokenCount(count(record[1], lineNumber), count(record[2], lineNumber)));
        }
        return new Baseline(counts, spamMessages, hamMessages);
    }

    private static String[] fields(String line, int lineNumber) throws InvalidExportException {
        if (line == null) {
            throw new InvalidExportException("Line " + lineNumber + ": unexpected end of export");
        }
        return line.split("\t", -1);
    }

    private static long number(String text, int lineNumber) throws InvalidExportException {
        try {
            long value = Long.parseLong(text);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidExportException("Line " + lineNumber + ": not a count: " + text);
    }

    private static int count(String text, int lineNumber) throws InvalidExportException {
        long value = number(text, lineNumber);
        if (value > Integer.MAX_VALUE) {
            throw new InvalidExportException("Line " + lineNumber + ": count too large: " + text);
        }
        return (int) value;
    }
}
