package org.hackablemail.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.apache.james.JamesServerBuilder;
import org.apache.james.JamesServerExtension;
import org.apache.james.MemoryJamesConfiguration;
import org.apache.james.MemoryJamesServerMain;
import org.hackablemail.launcher.JamesConfiguration;
import org.hackablemail.launcher.JamesHome;
import org.hackablemail.launcher.ServerPorts;

/**
 * A James 3.8.1 memory server started in the test JVM on james-conf/, with the bundle on the classpath. Its working
 * directory is laid out by the same {@link JamesHome} as the demo's.
 */
final class InProcessJames {
    private final ServerPorts ports = ServerPorts.free();
    private String adminToken;

    static Path jamesConf() {
        return Path.of(System.getProperty("hackablemail.james.conf", "../james-conf"));
    }

    JamesServerExtension extension() {
        return new JamesServerBuilder<MemoryJamesConfiguration>(workingDirectory -> {
            try {
                adminToken = new JamesHome(workingDirectory.toPath()).prepare(new JamesConfiguration(jamesConf()), ports);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return MemoryJamesConfiguration.builder().workingDirectory(workingDirectory).build();
        })
            .server(MemoryJamesServerMain::createServer)
            .lifeCycle(JamesServerExtension.Lifecycle.PER_CLASS)
            .build();
    }

    ServerPorts ports() {
        return ports;
    }

    String adminToken() {
        return adminToken;
    }
}
