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
 * directory is laid out by the same {@link JamesHome} as the demo's; a test may change the installed configuration
 * files before James reads them.
 */
final class InProcessJames implements RunningJames {
    /** Edits the configuration files installed in a James {@code conf/} directory. */
    @FunctionalInterface
    interface ConfCustomizer {
        void customize(Path conf) throws IOException;
    }

    private final ServerPorts ports = ServerPorts.free();
    private final ConfCustomizer confCustomizer;
    private String adminToken;
    private Path workingDirectory;

    /** On james-conf/ as it is. */
    InProcessJames() {
        this(conf -> {
        });
    }

    InProcessJames(ConfCustomizer confCustomizer) {
        this.confCustomizer = confCustomizer;
    }

    static Path jamesConf() {
        return Path.of(System.getProperty("hackablemail.james.conf", "../james-conf"));
    }

    JamesServerExtension extension() {
        return new JamesServerBuilder<MemoryJamesConfiguration>(workingDirectory -> {
            try {
                JamesHome home = new JamesHome(workingDirectory.toPath());
                this.workingDirectory = workingDirectory.toPath();
                adminToken = home.prepare(new JamesConfiguration(jamesConf()), ports);
                confCustomizer.customize(home.conf());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return MemoryJamesConfiguration.builder().workingDirectory(workingDirectory).build();
        })
            .server(MemoryJamesServerMain::createServer)
            .lifeCycle(JamesServerExtension.Lifecycle.PER_CLASS)
            .build();
    }

    @Override
    public ServerPorts ports() {
        return ports;
    }

    @Override
    public String adminToken() {
        return adminToken;
    }

    /** James's working directory, once the extension has laid it out. */
    Path workingDirectory() {
        return workingDirectory;
    }
}
