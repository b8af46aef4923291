package org.hackablemail.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A stock Apache James 3.8.1 memory server running as a child JVM on a {@link JamesHome}, started the way the James
 * distribution starts it. Its output goes to the home's {@code james.log}.
 */
public final class JamesProcess implements AutoCloseable {
    private static final String MAIN_CLASS = "org.apache.james.MemoryJamesServerMain";
    private static final int LOG_LINES_ON_FAILURE = 40;

    private final Process process;
    private final JamesHome home;

    private JamesProcess(Process process, JamesHome home) {
        this.process = process;
        this.home = home;
    }

    /**
     * @param classpathFile the classpath of {@code james-server-memory-app} as Maven resolved it
     *                      (james-runtime/target/james-server.classpath)
     */
    public static JamesProcess start(JamesHome home, Path classpathFile, List<String> jvmOptions) throws IOException {
        if (!Files.isRegularFile(classpathFile)) {
            throw new IOException("No James classpath at " + classpathFile + ": build it with 'mvn -DskipTests package'");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(Arrays.asList(
            "-Dworking.directory=" + home.root(),
            "-Dlogback.configurationFile=" + home.conf().resolve("logback.xml"),
            "-Djdk.tls.ephemeralDHKeySize=2048",
            "-cp", Files.readString(classpathFile, StandardCharsets.UTF_8).strip(),
            MAIN_CLASS));
        Process process = new ProcessBuilder(command)
            .directory(home.root().toFile())
            .redirectErrorStream(true)
            .redirectOutput(home.log().toFile())
            .start();
        return new JamesProcess(process, home);
    }

    /** Waits until every port accepts connections; fails early, with the end of the log, if James exits. */
    public void awaitReady(ServerPorts ports, Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        for (int port : ports.byService().values()) {
            while (!accepts(port)) {
                if (!process.isAlive()) {
                    throw new IOException("James exited with code " + process.exitValue() + " while starting. "
                        + "End of " + home.log() + ":\n" + logTail());
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IOException("James did not open port " + port + " within " + timeout.toSeconds()
                        + " s. End of " + home.log() + ":\n" + logTail());
                }
                Thread.sleep(250);
            }
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    /** The last lines James wrote, to explain a failure. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(home.log(), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_LINES_ON_FAILURE), lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asks James to shut down (SIGTERM runs its shutdown hooks), then kills it if it has not within the grace. */
    public void stop(Duration grace) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop(Duration.ofSeconds(30));
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
