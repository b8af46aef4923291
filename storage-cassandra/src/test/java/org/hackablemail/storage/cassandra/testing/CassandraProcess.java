package org.hackablemail.storage.cassandra.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A single-node Apache Cassandra 5.0 in a JVM of its own, on 127.0.0.1, with its data, configuration and log under
 * one directory. It runs from the classpath that the {@code cassandra-runtime} module resolves from Maven Central,
 * never from the tests' classpath: Cassandra brings its own Guava, Netty, Logback and Jackson.
 *
 * <p>Stopped, it can be started again on the same data and ports, as a restarted node would be.
 */
public final class CassandraProcess implements AutoCloseable {
    /** Java 17 needs these for Cassandra 5.0 (its jvm17-server.options has more, none needed on one node). */
    private static final List<String> JAVA_17_FLAGS = List.of(
        "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED",
        "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
        "--add-opens", "java.base/java.io=ALL-UNNAMED");
    /**
     * A small initial heap: run as root, Cassandra locks its memory (mlockall), the initial heap with it. C1 only:
     * start-up is CPU-bound, and the optimizing compiler nearly doubles its CPU time for nothing a test needs.
     */
    private static final List<String> JVM_OPTIONS = List.of("-Xms64m", "-Xmx512m", "-XX:TieredStopAtLevel=1",
        "-XX:+ExitOnOutOfMemoryError", "-Djava.net.preferIPv4Stack=true");
    private static final String HOST = "127.0.0.1";
    private static final int LOG_LINES_ON_FAILURE = 40;

    private final Path directory;
    private final Path classpathFile;
    private final int nativePort;
    private final int storagePort;
    private Process process;

    private CassandraProcess(Path directory, Path classpathFile, int nativePort, int storagePort) {
        this.directory = directory;
        this.classpathFile = classpathFile;
        this.nativePort = nativePort;
        this.storagePort = storagePort;
    }

    /**
     * Lays out {@code directory} (emptied first) for a new node on free ports, starts it and waits until it accepts
     * CQL clients.
     *
     * @param classpathFile Cassandra's classpath as Maven resolved it (cassandra-runtime/target/cassandra-server.classpath)
     */
    public static CassandraProcess startFresh(Path directory, Path classpathFile, Duration timeout)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(classpathFile)) {
            throw new IOException("No Cassandra classpath at " + classpathFile
                + ": build the cassandra-runtime module first (mvn -pl storage-cassandra -am ...)");
        }
        deleteRecursively(directory);
        Files.createDirectories(directory);
        CassandraProcess cassandra = new CassandraProcess(directory, classpathFile, freePort(), freePort());
        cassandra.writeConfiguration();
        cassandra.start(timeout);
        return cassandra;
    }

    /** Where clients connect: the node's CQL address. */
    public InetSocketAddress contactPoint() {
        return new InetSocketAddress(HOST, nativePort);
    }

    /** The node's address in {@code cassandra.properties} syntax ({@code host:port}). */
    public String nodes() {
        return HOST + ":" + nativePort;
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts the node again on the data it had, after {@link #stop()} or {@link #kill()}. */
    public synchronized void start(Duration timeout) throws IOException, InterruptedException {
        if (isRunning()) {
            throw new IllegalStateException("Cassandra is already running in " + directory);
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.addAll(JAVA_17_FLAGS);
        command.add("-Dcassandra.config=" + configuration().toUri());
        command.add("-Dcassandra-foreground=yes");
        command.add("-Dcassandra.storagedir=" + directory.resolve("data"));
        command.add("-Dcassandra.skip_wait_for_gossip_to_settle=0");
        command.add("-Dlogback.configurationFile=" + directory.resolve("logback.xml"));
        command.add("-cp");
        command.add(Files.readString(classpathFile, StandardCharsets.UTF_8).strip() + java.io.File.pathSeparator + launcherLocation());
        command.add(CassandraLauncher.class.getName());
        // Standard input stays a pipe from this JVM: its end tells the launcher that this JVM is gone.
        process = new ProcessBuilder(command)
            .directory(directory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("output.log").toFile()))
            .start();
        awaitCql(timeout);
    }

    /** Stops the node as an admin would (SIGTERM: it drains and flushes), waiting until its JVM is gone. */
    public synchronized void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** Kills the node's JVM at once (SIGKILL), as a crash would. */
    public synchronized void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor();
        }
    }

    /** Kills the node: its data only served the tests of this run, the next run starts afresh. */
    @Override
    public void close() throws InterruptedException {
        kill();
    }

    /** The end of Cassandra's own log, to explain a failure. */
    public String logTail() {
        Path log = directory.resolve("system.log");
        try {
            if (!Files.exists(log)) {
                return "(no " + log + ")";
            }
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_LINES_ON_FAILURE), lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitCql(Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!accepts(nativePort)) {
            if (!process.isAlive()) {
                throw new IOException("Cassandra exited with code " + process.exitValue() + " while starting in "
                    + directory + ". End of its log:\n" + logTail());
            }
            if (Instant.now().isAfter(deadline)) {
                process.destroyForcibly().waitFor();
                throw new IOException("Cassandra did not accept CQL clients on port " + nativePort + " within "
                    + timeout.toSeconds() + " s. End of its log:\n" + logTail());
            }
            Thread.sleep(100);
        }
    }

    private Path configuration() {
        return directory.resolve("cassandra.yaml");
    }

    private void writeConfiguration() throws IOException {
        Path data = directory.resolve("data");
        Files.writeString(configuration(), String.join("\n",
            "cluster_name: hackable-mail-tests",
            "num_tokens: 1",
            "initial_token: 0",
            "partitioner: org.apache.cassandra.dht.Murmur3Partitioner",
            "endpoint_snitch: SimpleSnitch",
            "seed_provider:",
            "  - class_name: org.apache.cassandra.locator.SimpleSeedProvider",
            "    parameters:",
            "      - seeds: \"" + HOST + ":" + storagePort + "\"",
            "listen_address: " + HOST,
            "rpc_address: " + HOST,
            "storage_port: " + storagePort,
            "native_transport_port: " + nativePort,
            "start_native_transport: true",
            "data_file_directories: [" + data.resolve("data") + "]",
            "commitlog_directory: " + data.resolve("commitlog"),
            "saved_caches_directory: " + data.resolve("saved_caches"),
            "hints_directory: " + data.resolve("hints"),
            "cdc_raw_directory: " + data.resolve("cdc_raw"),
            "commitlog_sync: periodic",
            "commitlog_sync_period: 10000ms",
            // A dropped or truncated table is not worth a snapshot in tests.
            "auto_snapshot: false",
            "hinted_handoff_enabled: false",
            "concurrent_compactors: 1",
            "authenticator: AllowAllAuthenticator",
            "authorizer: AllowAllAuthorizer",
            // A loaded 2-core CI machine: the server's own timeouts well above the defaults (2 s for writes, 1 s for
            // compare-and-set contention), below the tests' 20 s driver timeout.
            "read_request_timeout: 10000ms",
            "range_request_timeout: 15000ms",
            "write_request_timeout: 10000ms",
            "cas_contention_timeout: 10000ms",
            "truncate_request_timeout: 60000ms",
            "request_timeout: 15000ms",
            ""), StandardCharsets.UTF_8);
        Files.writeString(directory.resolve("logback.xml"), String.join("\n",
            "<configuration>",
            "  <appender name=\"FILE\" class=\"ch.qos.logback.core.FileAppender\">",
            "    <file>" + directory.resolve("system.log") + "</file>",
            "    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{30} - %msg%n</pattern></encoder>",
            "  </appender>",
            "  <root level=\"INFO\"><appender-ref ref=\"FILE\"/></root>",
            "</configuration>",
            ""), StandardCharsets.UTF_8);
    }

    /** The test-classes directory or test-jar holding {@link CassandraLauncher}. */
    private static String launcherLocation() {
        try {
            return Path.of(CassandraLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
