package org.hackablemail.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.hackablemail.launcher.DemoUsers;
import org.hackablemail.launcher.JamesConfiguration;
import org.hackablemail.launcher.JamesHome;
import org.hackablemail.launcher.JamesProcess;
import org.hackablemail.launcher.ServerPorts;
import org.hackablemail.launcher.WebAdminClient;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hackmail demo}: a stock James 3.8.1 with the bundle, on loopback, with two demo users. */
@Command(name = "demo",
    mixinStandardHelpOptions = true,
    description = {"Starts Apache James 3.8.1 with Hackable Mail on 127.0.0.1, with the users alice@demo.test and "
        + "bob@demo.test (password: demo). Ctrl-C stops it; a second start reuses the data directory."},
    exitCodeOnExecutionException = 1)
public class DemoCommand implements Callable<Integer> {
    static final int USAGE_ERROR = 2;
    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);

    @Spec
    CommandSpec spec;

    @Option(names = "--data", defaultValue = "var/demo", description = "Data directory (default: ${DEFAULT-VALUE}).")
    Path dataDirectory;

    @Option(names = "--smtp-port", defaultValue = "2525", description = "SMTP port, MX-like (default: ${DEFAULT-VALUE}).")
    int smtpPort;

    @Option(names = "--submission-port", defaultValue = "5870", description = "Submission port, authentication required (default: ${DEFAULT-VALUE}).")
    int submissionPort;

    @Option(names = "--imap-port", defaultValue = "1143", description = "IMAP port (default: ${DEFAULT-VALUE}).")
    int imapPort;

    @Option(names = "--webadmin-port", defaultValue = "8000", description = "Webadmin port (default: ${DEFAULT-VALUE}).")
    int webAdminPort;

    @Option(names = "--james-conf", defaultValue = "${sys:hackmail.home:-.}/james-conf", hidden = true)
    Path jamesConf;

    @Option(names = "--extension-jar", defaultValue = "${sys:hackmail.extension.jar}", hidden = true)
    Path extensionJar;

    @Option(names = "--james-classpath", defaultValue = "${sys:hackmail.home:-.}/james-runtime/target/james-server.classpath", hidden = true)
    Path jamesClasspath;

    @Option(names = "--jvm-option", description = "Extra option for James's JVM, e.g. --jvm-option=-Xmx1g (repeatable).")
    List<String> jvmOptions = List.of();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ServerPorts ports = new ServerPorts(smtpPort, submissionPort, imapPort, webAdminPort);
        String problem = firstProblem(ports);
        if (problem != null) {
            spec.commandLine().getErr().println("hackmail demo: " + problem);
            return USAGE_ERROR;
        }

        JamesHome home = new JamesHome(dataDirectory);
        String adminToken = home.prepare(new JamesConfiguration(jamesConf), ports);
        home.installExtension(extensionJar);
        out.println("Starting Apache James 3.8.1 with Hackable Mail in " + home.root() + " (log: " + home.log() + ") ...");
        out.flush();

        JamesProcess james = JamesProcess.start(home, jamesClasspath, jvmOptions);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(james, out)));
        james.awaitReady(ports, STARTUP_TIMEOUT);
        DemoUsers.provision(WebAdminClient.onLoopback(ports.webAdmin(), adminToken));
        out.println(DemoInstructions.render(ports, home));
        out.flush();
        int exitCode = james.waitFor();
        out.println("James stopped (exit code " + exitCode + ").");
        return exitCode == 0 ? 0 : 1;
    }

    /** The first reason the demo cannot start, as one line saying how to fix it; null when it can. */
    private String firstProblem(ServerPorts ports) {
        if (!Files.isRegularFile(extensionJar)) {
            return "no extension jar at " + extensionJar + ": build it with 'mvn -DskipTests package'.";
        }
        String dataProblem = dataDirectoryProblem();
        if (dataProblem != null) {
            return dataProblem;
        }
        for (Map.Entry<String, Integer> service : ports.byService().entrySet()) {
            if (!isFree(service.getValue())) {
                return "port " + service.getValue() + " (" + service.getKey() + ") on 127.0.0.1 is already in use: stop "
                    + "what uses it or choose another with --" + service.getKey().toLowerCase(Locale.ROOT) + "-port.";
            }
        }
        return null;
    }

    private String dataDirectoryProblem() {
        try {
            Files.createDirectories(dataDirectory);
            Files.delete(Files.createTempFile(dataDirectory, "write-check", ".tmp"));
            return null;
        } catch (IOException | SecurityException e) {
            return "cannot write to the data directory " + dataDirectory.toAbsolutePath() + " (" + e.getMessage()
                + "): choose another with --data DIR, or fix this one.";
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void stop(JamesProcess james, PrintWriter out) {
        if (james.isAlive()) {
            out.println("Stopping James ...");
            out.flush();
            try {
                james.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
