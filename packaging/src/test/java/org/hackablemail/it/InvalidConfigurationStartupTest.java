package org.hackablemail.it;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.james.GuiceJamesServer;
import org.apache.james.MemoryJamesConfiguration;
import org.apache.james.MemoryJamesServerMain;
import org.hackablemail.launcher.JamesConfiguration;
import org.hackablemail.launcher.JamesHome;
import org.hackablemail.launcher.ServerPorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A value in hackable-mail.properties that cannot be used stops James at start, naming the key and the file. */
class InvalidConfigurationStartupTest {
    @TempDir
    Path workingDirectory;

    @Test
    void jamesShouldNotStartWithAnEmptyDataDirectory() throws Exception {
        JamesHome home = new JamesHome(workingDirectory);
        home.prepare(new JamesConfiguration(InProcessJames.jamesConf()), ServerPorts.free());
        Path properties = home.conf().resolve("hackable-mail.properties");
        Files.writeString(properties, "data.directory=\n");
        GuiceJamesServer server = MemoryJamesServerMain.createServer(
            MemoryJamesConfiguration.builder().workingDirectory(workingDirectory.toFile()).build());

        try {
            assertThatThrownBy(server::start)
                .hasStackTraceContaining("Invalid value '' for key 'data.directory' in " + properties.toAbsolutePath()
                    + ": a path is required");
        } finally {
            server.stop();
        }
    }
}
