package org.hackablemail.core.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.hackablemail.core.Owner;
import org.hackablemail.core.cache.RefreshPolicy;
import org.hackablemail.core.circuit.CircuitBreaker;
import org.hackablemail.core.circuit.fs.FileSystemCircuitStore;
import org.hackablemail.core.store.StorageSettings;
import org.hackablemail.core.store.VariableQuotaExceededException;
import org.hackablemail.core.store.VariableQuotas;
import org.hackablemail.core.store.VariableStore;
import org.hackablemail.core.store.fs.FileSystemStorage;
import org.hackablemail.core.store.fs.FileSystemVariableStore;
import org.hackablemail.plugin.email.IncomingEmail;
import org.hackablemail.plugin.email.PluginInput;
import org.hackablemail.plugin.host.HostCapacity;
import org.hackablemail.plugin.host.Outcome;
import org.hackablemail.plugin.host.PluginFailure;
import org.hackablemail.plugin.host.PluginHost;
import org.hackablemail.plugin.host.SandboxLimits;
import org.hackablemail.plugin.simulation.SimulationSuite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin's variables through {@link OwnerPlugins#run}: read from the store, written back by compare-and-set when the
 * call succeeds, the call run again when another call changed them meanwhile. With the test plugin that counts its
 * calls in the variable "n".
 */
class PluginVariablesTest {
    private static final Path COUNTER = Path.of("../plugin-host/src/test/resources/plugins/count-calls.wasm");
    private static final Owner BOB = Owner.of("bob@example.org");
    private static final PluginInput EMAIL = new PluginInput(IncomingEmail.of("", "bob@example.org", Map.of(), ""),
        "{}".getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path directory;

    private FileSystemStorage storage;
    private PluginHost host;

    @BeforeEach
    void setUp() {
        storage = new FileSystemStorage(directory.resolve("store"), Clock.systemUTC(), StorageSettings.defaults());
        host = new PluginHost(SandboxLimits.defaults(), HostCapacity.defaults());
    }

    @AfterEach
    void tearDown() {
        host.close();
    }

    private OwnerPlugins counterOn(VariableStore variables) throws Exception {
        RefreshPolicy refresh = new RefreshPolicy(Duration.ofSeconds(5), Clock.systemUTC(), Runnable::run);
        OwnerPlugins plugins = new OwnerPlugins(storage.plugins(), variables, host,
            new SimulationSuite(host, SandboxLimits.defaults()), storage.audit(),
            new CircuitBreaker(new FileSystemCircuitStore(directory.resolve("circuits")),
                CircuitBreaker.Settings.DEFAULT, Clock.systemUTC(), refresh), refresh, run -> { });
        plugins.push(BOB, Files.readAllBytes(COUNTER), List.of(), "test", false);
        return plugins;
    }

    private static Outcome run(OwnerPlugins plugins) {
        return plugins.run(BOB, EMAIL, false).orElseThrow();
    }

    @Test
    void aSuccessfulCallsWritesShouldBeCommittedToTheStore() throws Exception {
        OwnerPlugins plugins = counterOn(storage.variables());

        run(plugins);
        Outcome second = run(plugins);

        assertThat(second.resultCode()).isEqualTo(2);
        assertThat(storage.variables().get(BOB, "n")).hasValueSatisfying(value -> assertThat(value[0]).isEqualTo((byte) 2));
    }

    @Test
    void writesOverTheQuotaShouldFailThePluginAndKeepNothing() throws Exception {
        VariableStore small = new FileSystemVariableStore(directory.resolve("small"), new VariableQuotas(10, 8), 1000);
        OwnerPlugins plugins = counterOn(small);

        Outcome outcome = run(plugins);

        assertThat(outcome.failure()).hasValueSatisfying(failure -> {
            assertThat(failure.reason()).isEqualTo(PluginFailure.Reason.DENIED);
            assertThat(failure.hostCaused()).isFalse();
            assertThat(failure.message()).contains("at most 8 bytes");
        });
        assertThat(small.get(BOB, "n")).isEmpty();
    }

    @Test
    void aCallShouldRunAgainWhenAnotherCallChangedTheVariablesMeanwhile() throws Exception {
        VariableStore shared = storage.variables();
        AtomicBoolean otherNodeWrote = new AtomicBoolean();
        VariableStore racing = new DelegatingVariableStore(shared) {
            @Override
            public boolean commit(Owner owner, long expectedVersion, Map<String, Optional<byte[]>> writes)
                    throws VariableQuotaExceededException {
                if (otherNodeWrote.compareAndSet(false, true)) {
                    // Another node's call counted a message between this call's read and its commit.
                    shared.commit(owner, shared.version(owner), Map.of("n", Optional.of(new byte[] {5, 0, 0, 0, 0, 0, 0, 0})));
                }
                return super.commit(owner, expectedVersion, writes);
            }
        };
        OwnerPlugins plugins = counterOn(racing);

        Outcome outcome = run(plugins);

        assertThat(outcome.resultCode()).as("the run that committed read the other node's count").isEqualTo(6);
        assertThat(shared.get(BOB, "n")).hasValueSatisfying(value -> assertThat(value[0]).isEqualTo((byte) 6));
    }

    @Test
    void simulationsShouldNeitherReadNorWriteTheOwnersVariables() throws Exception {
        OwnerPlugins plugins = counterOn(storage.variables());
        run(plugins);

        plugins.test(BOB, Files.readAllBytes(COUNTER), List.of());

        assertThat(run(plugins).resultCode()).isEqualTo(2);
    }

    /** A store that does what another does, for tests to step in between. */
    private static class DelegatingVariableStore implements VariableStore {
        private final VariableStore delegate;

        DelegatingVariableStore(VariableStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public long version(Owner owner) {
            return delegate.version(owner);
        }

        @Override
        public Optional<byte[]> get(Owner owner, String name) {
            return delegate.get(owner, name);
        }

        @Override
        public boolean commit(Owner owner, long expectedVersion, Map<String, Optional<byte[]>> writes)
                throws VariableQuotaExceededException {
            return delegate.commit(owner, expectedVersion, writes);
        }

        @Override
        public void deleteAll(Owner owner) {
            delegate.deleteAll(owner);
        }
    }
}
