package org.hackablemail.core.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Optional;
import java.util.stream.Stream;

import org.hackablemail.core.Owner;
import org.hackablemail.core.SettableClock;
import org.hackablemail.core.cache.ManualExecutor;
import org.hackablemail.core.cache.RefreshPolicy;
import org.hackablemail.core.circuit.Circuit;
import org.hackablemail.core.circuit.CircuitBreaker;
import org.hackablemail.core.circuit.Fallback;
import org.hackablemail.core.circuit.fs.FileSystemCircuitStore;
import org.hackablemail.core.store.PluginStore;
import org.hackablemail.core.store.StorageSettings;
import org.hackablemail.core.store.StorageUnavailableException;
import org.hackablemail.core.store.fs.FileSystemStorage;
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

/** The owners' plugins on the file-system stores and the real plugin host, two "nodes" sharing the stores. */
class OwnerPluginsTest {
    private static final Path PLUGINS = Path.of("../plugin-host/src/test/resources/plugins");
    private static final Duration REFRESH = Duration.ofSeconds(5);
    private static final Owner BOB = Owner.of("bob@example.org");
    private static final PluginInput EMAIL = PluginInput.fitted(
        IncomingEmail.of("alice@example.org", "bob@example.org", Map.of("Subject", "Lunch"), "Hi"), 1024 * 1024);

    @TempDir
    Path directory;

    private final SettableClock clock = new SettableClock();
    private final ManualExecutor reloads = new ManualExecutor();
    private FileSystemStorage storage;
    private PluginHost host;
    private OutagePluginStore otherNodesStore;
    private final List<PluginRun> runs = new CopyOnWriteArrayList<>();
    private OwnerPlugins here;
    private OwnerPlugins otherNode;
    private CircuitBreaker circuits;

    @BeforeEach
    void setUp() {
        storage = new FileSystemStorage(directory, clock, StorageSettings.defaults());
        host = new PluginHost(SandboxLimits.defaults(), HostCapacity.defaults());
        otherNodesStore = new OutagePluginStore(storage.plugins());
        circuits = new CircuitBreaker(new FileSystemCircuitStore(directory.resolve("circuits")),
            new CircuitBreaker.Settings(1, 1), clock, new RefreshPolicy(REFRESH, clock, reloads));
        here = on(storage.plugins());
        otherNode = on(otherNodesStore);
    }

    @AfterEach
    void tearDown() {
        host.close();
    }

    private OwnerPlugins on(PluginStore store) {
        return new OwnerPlugins(store, storage.variables(), host, new SimulationSuite(host, SandboxLimits.defaults()),
            storage.audit(), circuits, new RefreshPolicy(REFRESH, clock, reloads), runs::add);
    }

    private void push(OwnerPlugins node, String plugin) throws Exception {
        node.push(BOB, Files.readAllBytes(PLUGINS.resolve(plugin)), List.of(), "test", false);
    }

    private int run(OwnerPlugins node) {
        return node.run(BOB, EMAIL, false).map(Outcome::resultCode).orElseThrow();
    }

    @Test
    void aChangeMadeHereShouldApplyAtOnce() throws Exception {
        assertThat(here.hasPlugin(BOB)).isFalse();

        push(here, "count-calls.wasm");
        assertThat(here.hasPlugin(BOB)).isTrue();

        here.delete(BOB, "admin");
        assertThat(here.hasPlugin(BOB)).isFalse();
    }

    @Test
    void aPushOnAnotherNodeShouldApplyHereOnceTheRefreshIntervalPassed() throws Exception {
        assertThat(otherNode.hasPlugin(BOB)).isFalse();

        push(here, "count-calls.wasm");

        assertThat(otherNode.hasPlugin(BOB)).as("within the interval, the cached answer").isFalse();
        clock.advance(REFRESH);
        assertThat(otherNode.hasPlugin(BOB)).as("served while the reload runs").isFalse();
        reloads.runPending();
        assertThat(otherNode.hasPlugin(BOB)).isTrue();
    }

    @Test
    void aNodeShouldKeepRunningTheCachedPluginWhileTheStoreIsDown() throws Exception {
        push(here, "count-calls.wasm");
        assertThat(otherNode.hasPlugin(BOB)).isTrue();
        otherNodesStore.down(true);
        clock.advance(REFRESH);

        assertThat(run(otherNode)).isEqualTo(1);
        assertThat(reloads.runPending()).isEqualTo(1);

        assertThat(otherNode.hasPlugin(BOB)).isTrue();
        assertThat(run(otherNode)).isEqualTo(2);
    }

    @Test
    void hasPluginShouldThrowWhenTheStoreIsDownAndTheOwnerWasNeverRead() {
        otherNodesStore.down(true);

        assertThatThrownBy(() -> otherNode.hasPlugin(BOB)).isInstanceOf(StorageUnavailableException.class);
    }

    @Test
    void deleteShouldForgetThePluginsVariablesAndLeaveNothingOnDisk() throws Exception {
        push(here, "count-calls.wasm");
        here.setConfig(BOB, Map.of("greeting", "Hi"), "bob");
        run(here);
        assertThat(run(here)).isEqualTo(2);

        assertThat(here.delete(BOB, "admin")).isTrue();

        assertThat(files(directory.resolve("plugins"))).isEmpty();
        assertThat(files(directory.resolve("plugin-vars"))).isEmpty();
        push(here, "count-calls.wasm");
        assertThat(run(here)).as("the next plugin of the address starts afresh").isEqualTo(1);
    }

    @Test
    void pushAndActivateShouldRunAPluginTheCircuitBreakerSuspended() throws Exception {
        push(here, "drop.wasm");
        circuits.record(BOB, "a@x.example", Optional.of(new PluginFailure(PluginFailure.Reason.TRAP, "unreachable")));
        assertThat(circuits.suspended(BOB)).isPresent();

        push(here, "count-calls.wasm");

        assertThat(circuits.suspended(BOB)).isEmpty();
        circuits.record(BOB, "a@x.example", Optional.of(new PluginFailure(PluginFailure.Reason.TRAP, "unreachable")));
        here.activate(BOB, 1, "test");
        assertThat(circuits.suspended(BOB)).isEmpty();
    }

    @Test
    void deleteShouldForgetTheCircuitBreakersState() throws Exception {
        push(here, "drop.wasm");
        circuits.setFallback(BOB, Fallback.SPAM);

        here.delete(BOB, "test");

        assertThat(circuits.state(BOB)).isEqualTo(Circuit.INITIAL);
    }

    @Test
    void pushShouldKeepOnlyTheLatestVersionsAndTheirModules() throws Exception {
        FileSystemStorage keepingOne = new FileSystemStorage(directory.resolve("one"), clock,
            new StorageSettings(1, StorageSettings.defaults().variableQuotas(), 64 * 1024 * 1024));
        OwnerPlugins plugins = new OwnerPlugins(keepingOne.plugins(), keepingOne.variables(), host,
            new SimulationSuite(host, SandboxLimits.defaults()), keepingOne.audit(), circuits,
            new RefreshPolicy(REFRESH, clock, reloads), runs::add);
        plugins.push(BOB, Files.readAllBytes(PLUGINS.resolve("drop.wasm")), List.of(), "test", false);

        plugins.push(BOB, Files.readAllBytes(PLUGINS.resolve("count-calls.wasm")), List.of(), "test", false);

        assertThat(plugins.history(BOB)).singleElement().satisfies(kept -> assertThat(kept.version()).isEqualTo(2));
        assertThat(files(directory.resolve("one").resolve("plugins").resolve("modules"))).hasSize(1);
    }

    @Test
    void runShouldTellTheListenerWhichVersionDidWhatOnWhichMessage() throws Exception {
        push(here, "drop.wasm");
        push(here, "refuse-77.wasm");

        here.run(BOB, EMAIL, false);

        assertThat(runs).singleElement().satisfies(run -> {
            assertThat(run.owner()).isEqualTo(BOB);
            assertThat(run.version()).isEqualTo(2);
            assertThat(run.email()).isEqualTo(EMAIL.email());
            assertThat(run.outcomeLabel()).isEqualTo("bounced");
            assertThat(run.took()).isPositive();
        });
    }

    @Test
    void statsShouldBeKeptPerVersion() throws Exception {
        push(here, "refuse-77.wasm");
        here.run(BOB, EMAIL, false);
        push(here, "drop.wasm");
        here.run(BOB, EMAIL, false);
        here.run(BOB, EMAIL, false);

        assertThat(here.stats(BOB)).containsOnlyKeys(1, 2);
        assertThat(here.stats(BOB).get(1).outcomes()).containsExactly(Map.entry("bounced", 1L));
        assertThat(here.stats(BOB).get(2).calls()).isEqualTo(2);
        assertThat(here.stats(BOB).get(2).outcomes()).containsExactly(Map.entry("dropped", 2L));
    }

    private static List<Path> files(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }
}
