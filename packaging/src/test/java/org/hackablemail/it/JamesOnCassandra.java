package org.hackablemail.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * Edits an installed James {@code conf/} so that the bundle keeps its state in a Cassandra: James's own
 * {@code cassandra.properties}, as on Distributed James, and {@code storage=cassandra}.
 */
final class JamesOnCassandra implements InProcessJames.ConfCustomizer {
    private final String nodes;
    private final String keyspace;
    private final Duration refresh;

    /**
     * @param nodes    {@code host:port} of the Cassandra nodes
     * @param keyspace created by the bundle when missing
     * @param refresh  {@code storage.refresh}: how soon a node follows changes made through another
     */
    JamesOnCassandra(String nodes, String keyspace, Duration refresh) {
        this.nodes = nodes;
        this.keyspace = keyspace;
        this.refresh = refresh;
    }

    @Override
    public void customize(Path conf) throws IOException {
        Files.writeString(conf.resolve("cassandra.properties"), String.join("\n",
            "cassandra.nodes=" + nodes,
            "cassandra.keyspace=" + keyspace,
            "cassandra.keyspace.create=true",
            "cassandra.replication.factor=1",
            ""), StandardCharsets.UTF_8);
        replace(conf.resolve("hackable-mail.properties"), "(?m)^storage=filesystem$", "storage=cassandra");
        replace(conf.resolve("hackable-mail.properties"), "(?m)^storage.refresh=5s$", "storage.refresh=" + refresh.toMillis() + "ms");
        // The driver refreshes its schema metadata after each table James creates once this window has passed.
        Files.writeString(conf.resolve("jvm.properties"),
            "\ndatastax-java-driver.advanced.metadata.schema.debouncer.window=10 milliseconds\n",
            StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    /** Replaces what {@code regex} finds in the file, failing when it finds nothing (james-conf/ changed). */
    static void replace(Path file, String regex, String replacement) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String replaced = text.replaceFirst(regex, replacement);
        if (replaced.equals(text)) {
            throw new IllegalStateException(file + " has no " + regex + ": james-conf/ changed");
        }
        Files.writeString(file, replaced, StandardCharsets.UTF_8);
    }
}
