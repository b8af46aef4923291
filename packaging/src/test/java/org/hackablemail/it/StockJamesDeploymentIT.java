package org.hackablemail.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.hackablemail.launcher.DemoUsers;
import org.hackablemail.launcher.JamesConfiguration;
import org.hackablemail.launcher.JamesHome;
import org.hackablemail.launcher.JamesProcess;
import org.hackablemail.launcher.ServerPorts;
import org.hackablemail.launcher.WebAdminClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The bundle as an admin deploys it: a stock James 3.8.1 in its own JVM, james-conf/ as its conf/, and nothing of
 * ours but the built extension jar in extensions-jars/. Proves the jar works behind James's parent-first class loader.
 */
class StockJamesDeploymentIT extends HackableMailServerContract {
    private static final ServerPorts PORTS = ServerPorts.free();
    private static JamesProcess james;
    private static String adminToken;

    @BeforeAll
    static void startJames() throws Exception {
        JamesHome home = new JamesHome(Files.createTempDirectory("stock-james"));
        adminToken = home.prepare(new JamesConfiguration(InProcessJames.jamesConf()), PORTS);
        home.installExtension(Path.of(System.getProperty("hackablemail.extension.jar")));
        james = JamesProcess.start(home, Path.of(System.getProperty("hackablemail.james.classpath")), List.of("-Xmx512m"));
        james.awaitReady(PORTS, Duration.ofMinutes(3));
        DemoUsers.provision(WebAdminClient.onLoopback(PORTS.webAdmin(), adminToken));
    }

    @AfterAll
    static void stopJames() throws Exception {
        if (james != null) {
            james.close();
        }
    }

    @Override
    protected ServerPorts ports() {
        return PORTS;
    }

    @Override
    protected String adminToken() {
        return adminToken;
    }
}
