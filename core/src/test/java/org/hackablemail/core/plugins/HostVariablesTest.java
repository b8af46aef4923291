package org.hackablemail.core.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.hackablemail.core.Owner;
import org.hackablemail.core.store.VariableQuotas;
import org.hackablemail.core.store.VariableStore;
import org.hackablemail.core.store.fs.FileSystemVariableStore;
import org.hackablemail.plugin.PluginDigest;
import org.hackablemail.plugin.host.EmailCall;
import org.hackablemail.plugin.host.HostCapacity;
import org.hackablemail.plugin.host.Outcome;
import org.hackablemail.plugin.host.PluginFailure;
import org.hackablemail.plugin.host.PluginHost;
import org.hackablemail.plugin.host.SandboxLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-process host's variables on the shared store, with the test plugin that counts its calls in "n". */
class HostVariablesTest {
    private static final Path COUNTER = Path.of("../plugin-host/src/test/resources/plugins/count-calls.wasm");
    private static final Owner BOB = Owner.of("bob@example.org");
    private static final byte[] EMAIL = "{}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path directory;

    private PluginHost host;

    private PluginDigest counterOn(VariableStore variables) throws Exception {
        host = new PluginHost(SandboxLimits.defaults(), HostCapacity.defaults(), new HostVariables(variables),
            digest -> Optional.empty());
        return host.install(Files.readAllBytes(COUNTER));
    }

    @AfterEach
    void tearDown() {
        host.close();
    }

    @Test
    void aPluginsWritesShouldBeCommittedToTheStore() throws Exception {
        VariableStore variables = new FileSystemVariableStore(directory, new VariableQuotas(10, 1000), 1000);
        PluginDigest counter = counterOn(variables);

        host.onEmail(counter, new EmailCall(BOB.asString(), EMAIL, Map.of(), false));
        Outcome second = host.onEmail(counter, new EmailCall(BOB.asString(), EMAIL, Map.of(), false));

        assertThat(second.resultCode()).isEqualTo(2);
        assertThat(new FileSystemVariableStore(directory, new VariableQuotas(10, 1000), 1000).get(BOB, "n"))
            .hasValueSatisfying(value -> assertThat(value[0]).isEqualTo((byte) 2));
    }

    @Test
    void aWriteOverTheQuotaShouldFailThePluginAndKeepNothing() throws Exception {
        VariableStore variables = new FileSystemVariableStore(directory, new VariableQuotas(10, 8), 1000);
        PluginDigest counter = counterOn(variables);

        Outcome outcome = host.onEmail(counter, new EmailCall(BOB.asString(), EMAIL, Map.of(), false));

        assertThat(outcome.failure()).hasValueSatisfying(failure -> {
            assertThat(failure.reason()).isEqualTo(PluginFailure.Reason.TRAP);
            assertThat(failure.message()).contains("Variable quota exceeded: at most 8 bytes");
        });
        assertThat(variables.get(BOB, "n")).isEmpty();
    }

    @Test
    void simulationsShouldNeitherReadNorWriteTheOwnersVariables() throws Exception {
        VariableStore variables = new FileSystemVariableStore(directory, new VariableQuotas(10, 1000), 1000);
        PluginDigest counter = counterOn(variables);
        host.onEmail(counter, new EmailCall(BOB.asString(), EMAIL, Map.of(), false));

        Outcome simulated = host.simulate(counter, new EmailCall(BOB.asString(), EMAIL, Map.of(), false));

        assertThat(simulated.resultCode()).isEqualTo(1);
        assertThat(variables.get(BOB, "n")).hasValueSatisfying(value -> assertThat(value[0]).isEqualTo((byte) 1));
        try (var files = Files.list(directory)) {
            assertThat(files).containsExactly(directory.resolve("bob%40example.org.json"));
        }
    }
}
