package org.hackablemail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** The demo's start-up checks: each problem is one line saying how to fix it, and nothing is started. */
class DemoCommandTest {
    @TempDir
    Path directory;

    private final StringWriter err = new StringWriter();

    @Test
    void shouldNameThePortInUseAndTheOptionToChangeIt() throws IOException {
        Path jar = Files.createFile(directory.resolve("extension.jar"));
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int exitCode = run("--extension-jar", jar.toString(), "--data", directory.resolve("data").toString(),
                "--imap-port", String.valueOf(busy.getLocalPort()));

            assertThat(exitCode).isEqualTo(DemoCommand.USAGE_ERROR);
            assertThat(err.toString().strip())
                .isEqualTo("hackmail demo: port " + busy.getLocalPort() + " (IMAP) on 127.0.0.1 is already in use: stop "
                    + "what uses it or choose another with --imap-port.");
        }
    }

    @Test
    void shouldNameAnUnusableDataDirectory() throws IOException {
        Path jar = Files.createFile(directory.resolve("extension.jar"));
        Path notADirectory = Files.createFile(directory.resolve("file"));

        int exitCode = run("--extension-jar", jar.toString(), "--data", notADirectory.resolve("demo").toString());

        assertThat(exitCode).isEqualTo(DemoCommand.USAGE_ERROR);
        assertThat(err.toString()).startsWith("hackmail demo: cannot write to the data directory").contains("--data DIR");
        assertThat(err.toString().strip()).doesNotContain("\n");
    }

    @Test
    void shouldSayHowToBuildAMissingExtensionJar() {
        int exitCode = run("--extension-jar", directory.resolve("missing.jar").toString());

        assertThat(exitCode).isEqualTo(DemoCommand.USAGE_ERROR);
        assertThat(err.toString()).contains("no extension jar at").contains("mvn -DskipTests package");
    }

    private int run(String... args) {
        CommandLine commandLine = new CommandLine(new HackmailCommand());
        commandLine.setErr(new PrintWriter(err, true));
        String[] withCommand = new String[args.length + 1];
        withCommand[0] = "demo";
        System.arraycopy(args, 0, withCommand, 1, args.length);
        return commandLine.execute(withCommand);
    }
}
