package org.hackablemail.core.store.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.hackablemail.core.Owner;
import org.hackablemail.core.store.PluginVersion;
import org.hackablemail.plugin.PluginDigest;
import org.hackablemail.plugin.simulation.ScenarioResult;
import org.hackablemail.plugin.simulation.SimulationReport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemPluginStoreTest {
    private static final Owner BOB = Owner.of("bob@example.org");
    private static final Owner CAROL = Owner.of("carol@example.org");
    private static final Instant NOW = Instant.parse("2025-11-22T10:15:30Z");
    private static final byte[] FIRST = {0, 'a', 's', 'm', 1};
    private static final byte[] SECOND = {0, 'a', 's', 'm', 2};

    @TempDir
    Path directory;

    private FileSystemPluginStore store;

    @BeforeEach
    void setUp() {
        store = open();
    }

    @Test
    void shouldMakePushedVersionActiveWhenOwnerPushes() {
        PluginVersion pushed = store.push(BOB, FIRST, "admin");

        assertThat(pushed).isEqualTo(new PluginVersion(BOB, 1, PluginDigest.of(FIRST), FIRST.length, NOW, "admin"));
        assertThat(store.active(BOB)).contains(pushed);
        assertThat(store.read(pushed.digest())).hasValueSatisfying(wasm -> assertThat(wasm).isEqualTo(FIRST));
    }

    @Test
    void shouldKeepHistoryWhenOwnerPushesAgain() {
        PluginVersion first = store.push(BOB, FIRST, BOB.asString());
        PluginVersion second = store.push(BOB, SECOND, BOB.asString());

        assertThat(second.version()).isEqualTo(2);
        assertThat(store.history(BOB)).containsExactly(first, second);
        assertThat(store.active(BOB)).contains(second);
    }

    @Test
    void shouldStoreModuleOnceWhenOwnersPushSameBytes() throws IOException {
        store.push(BOB, FIRST, BOB.asString());
        store.push(CAROL, FIRST, CAROL.asString());

        try (Stream<Path> files = Files.walk(directory.resolve("modules"))) {
            assertThat(files.filter(Files::isRegularFile)).hasSize(1);
        }
    }

    @Test
    void shouldRollBackWhenEarlierVersionIsActivated() {
        PluginVersion first = store.push(BOB, FIRST, BOB.asString());
        store.push(BOB, SECOND, BOB.asString());

        assertThat(store.activate(BOB, 1)).isEqualTo(first);
        assertThat(store.active(BOB)).contains(first);
        assertThat(store.history(BOB)).hasSize(2);
    }

    @Test
    void activateShouldThrowWhenVersionDoesNotExist() {
        store.push(BOB, FIRST, BOB.asString());

        assertThatThrownBy(() -> store.activate(BOB, 2))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage(BOB + " has no plugin version 2");
    }

    @Test
    void shouldHaveNoActivePluginWhenDeactivated() {
        PluginVersion first = store.push(BOB, FIRST, BOB.asString());

        store.deactivate(BOB);

        assertThat(store.active(BOB)).isEmpty();
        assertThat(store.history(BOB)).containsExactly(first);
    }

    @Test
    void shouldHaveNothingForOwnerWhoNeverPushed() {
        assertThat(store.active(BOB)).isEmpty();
        assertThat(store.history(BOB)).isEmpty();
        assertThat(store.read(PluginDigest.of(FIRST))).isEmpty();
    }

    @Test
    void shouldFindPluginsWhenReopened() {
        PluginVersion first = store.push(BOB, FIRST, BOB.asString());
        PluginVersion second = store.push(BOB, SECOND, BOB.asString());
        store.activate(BOB, 1);

        FileSystemPluginStore reopened = open();

        assertThat(reopened.active(BOB)).contains(first);
        assertThat(reopened.history(BOB)).containsExactly(first, second);
        assertThat(reopened.read(second.digest())).hasValueSatisfying(wasm -> assertThat(wasm).isEqualTo(SECOND));
    }

    @Test
    void shouldDeleteInterruptedWritesWhenOpened() throws IOException {
        store.push(BOB, FIRST, BOB.asString());
        Path leftover = Files.writeString(directory.resolve("owners").resolve(".123.part"), "{\"act");

        open();

        assertThat(leftover).doesNotExist();
    }

    @Test
    void shouldKeepOwnerFilesInsideStoreWhenAddressLooksLikePath() throws IOException {
        store.push(Owner.of("../../etc/passwd@example.org"), FIRST, "mallory");

        try (Stream<Path> files = Files.list(directory.resolve("owners"))) {
            assertThat(files).containsExactly(directory.resolve("owners").resolve("..%2F..%2Fetc%2Fpasswd%40example.org.json"));
        }
    }

    @Test
    void pushShouldThrowWhenOwnerIsTooLong() {
        assertThatThrownBy(() -> store.push(Owner.of("x".repeat(200) + "@example.org"), FIRST, "admin"))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldKeepSimulationReportWithVersionWhenReopened() {
        SimulationReport report = SimulationReport.of(List.of(new ScenarioResult("empty body",
            ScenarioResult.Status.passed, 0, List.of(), null, null, List.of("INFO hello"))));
        PluginVersion pushed = store.push(BOB, FIRST, BOB.asString(), report);

        assertThat(open().active(BOB)).contains(pushed);
        assertThat(open().history(BOB)).singleElement().extracting(PluginVersion::simulations).isEqualTo(report);
    }

    @Test
    void shouldKeepConfigAcrossPushesWhenSet() {
        store.setConfig(BOB, Map.of("greeting", "Hi"));
        store.push(BOB, FIRST, BOB.asString());

        assertThat(open().config(BOB)).isEqualTo(Map.of("greeting", "Hi"));
        assertThat(store.config(CAROL)).isEmpty();
    }

    @Test
    void shouldForgetVersionsAndConfigWhenOwnerIsDeleted() {
        store.push(BOB, FIRST, BOB.asString());
        store.setConfig(BOB, Map.of("greeting", "Hi"));

        store.delete(BOB);

        assertThat(store.active(BOB)).isEmpty();
        assertThat(store.history(BOB)).isEmpty();
        assertThat(store.config(BOB)).isEmpty();
        assertThat(store.owners()).isEmpty();
    }

    @Test
    void shouldListOwnersWhenTheyPushed() {
        store.push(BOB, FIRST, BOB.asString());
        store.push(Owner.of("carol+tag@example.org"), FIRST, "admin");

        assertThat(open().owners()).containsExactlyInAnyOrder(BOB, Owner.of("carol+tag@example.org"));
    }

    private FileSystemPluginStore open() {
        return new FileSystemPluginStore(directory, Clock.fixed(NOW, ZoneOffset.UTC));
    }
}
