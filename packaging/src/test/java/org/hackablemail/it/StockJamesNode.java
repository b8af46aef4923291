package org.hackablemail.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.hackablemail.launcher.DemoUsers;
import org.hackablemail.launcher.JamesConfiguration;
import org.hackablemail.launcher.JamesHome;
import org.hackablemail.launcher.JamesProcess;
import org.hackablemail.launcher.ServerPorts;

/**
 * A stock James 3.8.1 as an admin deploys it: its own JVM, james-conf/ as its conf/ (a test may edit the installed
 * files before James starts), and nothing of ours but the built extension jar in extensions-jars/.
 */
final class StockJamesNode implements RunningJames, AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final ServerPorts ports = ServerPorts.free();
    private final JamesHome home;
    private final String adminToken;
    private JamesProcess james;

    /** Lays out a James working directory in a new temporary directory; {@link #start} runs James on it. */
    StockJamesNode(String name, InProcessJames.ConfCustomizer confCustomizer) throws IOException {
        home = new JamesHome(Files.createTempDirectory(name));
        adminToken = home.prepare(new JamesConfiguration(InProcessJames.jamesConf()), ports);
        confCustomizer.customize(home.conf());
        home.installExtension(Path.of(System.getProperty("hackablemail.extension.jar")));
    }

    /** Starts James and waits until every port answers, then creates the demo users. */
    StockJamesNode start() throws IOException, InterruptedException {
        james = JamesProcess.start(home, Path.of(System.getProperty("hackablemail.james.classpath")), List.of("-Xmx512m"));
        james.awaitReady(ports, START_TIMEOUT);
        DemoUsers.provision(webAdmin());
        return this;
    }

    @Override
    public ServerPorts ports() {
        return ports;
    }

    @Override
    public String adminToken() {
        return adminToken;
    }

    /** James's working directory. */
    Path home() {
        return home.root();
    }

    /** Edits the installed configuration, e.g. between a stop and the next start. */
    void reconfigure(InProcessJames.ConfCustomizer confCustomizer) throws IOException {
        confCustomizer.customize(home.conf());
    }

    /** James's log as the demo writes it ({@code james.log}: standard output through conf/logback.xml). */
    String log() throws IOException {
        return Files.readString(home.log());
    }

    /** The end of James's log, to explain a failure. */
    String logTail() {
        return james == null ? "(not started)" : james.logTail();
    }

    /** Stops James; {@link #start} runs it again on the same working directory. */
    @Override
    public void close() throws InterruptedException {
        if (james != null) {
            james.close();
            james = null;
        }
    }
}
