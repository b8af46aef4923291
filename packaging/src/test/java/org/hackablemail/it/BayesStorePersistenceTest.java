package org.hackablemail.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.apache.james.GuiceJamesServer;
import org.apache.james.MemoryJamesConfiguration;
import org.apache.james.MemoryJamesServerMain;
import org.hackablemail.launcher.DemoUsers;
import org.hackablemail.launcher.JamesConfiguration;
import org.hackablemail.launcher.JamesHome;
import org.hackablemail.launcher.ServerPorts;
import org.hackablemail.launcher.WebAdminClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Bayes token store outlives James: what one James learnt, the next James on the same working directory knows.
 * The second start also proves the first James closed the store (Lucene's write lock) when it stopped.
 */
class BayesStorePersistenceTest {
    private static final String READER = DemoUsers.ADDRESSES.get(1);

    @TempDir
    Path workingDirectory;

    /** One James on the working directory: its ports and admin token. */
    private record RunningJames(GuiceJamesServer server, ServerPorts ports, String adminToken) {
        BayesWebAdmin bayes() {
            return new BayesWebAdmin(ports.webAdmin(), adminToken);
        }
    }

    private RunningJames start() throws Exception {
        ServerPorts ports = ServerPorts.free();
        String adminToken = new JamesHome(workingDirectory).prepare(new JamesConfiguration(InProcessJames.jamesConf()), ports);
        GuiceJamesServer server = MemoryJamesServerMain.createServer(MemoryJamesConfiguration.builder()
            .workingDirectory(workingDirectory.toFile())
            .build());
        server.start();
        DemoUsers.provision(WebAdminClient.onLoopback(ports.webAdmin(), adminToken));
        return new RunningJames(server, ports, adminToken);
    }

    @Test
    void shouldTagWithWhatItLearntBeforeARestart() throws Exception {
        RunningJames first = start();
        try {
            first.bayes().trainCorpus();
        } finally {
            first.server().stop();
        }

        RunningJames second = start();
        try {
            assertThat(second.bayes().statistics().get("spamMessages").asLong()).isEqualTo(BayesCorpus.TRAINING_SIZE);
            new Mailboxes(second.ports())
                .send("stranger@outside.example", List.of(READER), "Project meeting 7",
                    "Minutes of the project meeting: the release schedule, code review and test plan");

            assertThat(new Mailboxes(second.ports()).awaitMessages(READER, 1))
                .contains("X-Spam-Bayes: no");
        } finally {
            second.server().stop();
        }
    }
}
