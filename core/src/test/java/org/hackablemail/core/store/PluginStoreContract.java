package org.hackablemail.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.hackablemail.core.Concurrently;
import org.hackablemail.core.Owner;
import org.hackablemail.plugin.PluginDigest;
import org.hackablemail.plugin.simulation.ScenarioResult;
import org.hackablemail.plugin.simulation.SimulationReport;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PluginStore} must do, whatever holds it. A back-end's test extends this class and gives a store
 * on storage of its own for each test.
 */
public abstract class PluginStoreContract {
    protected static final Instant NOW = Instant.parse("2025-11-22T10:15:30Z");
    protected static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    protected static final Owner BOB = Owner.of("bob@example.org");
    protected static final Owner CAROL = Owner.of("carol@example.org");
    protected static final byte[] FIRST = module(1);
    protected static final byte[] SECOND = module(2);
    private static final int ROUNDS = 20;

    /**
     * A store on this test's storage, which is empty at the first call of a test. Later calls in the same test give
     * a store on the same storage, as after a restart.
     *
     * @param keepVersions how many of an owner's latest versions a push keeps
     */
    protected abstract PluginStore store(Clock clock, int keepVersions);

    /**
     * A store on the same storage as {@code first}, used at the same time from another node. The default is
     * {@code first} itself, for back-ends that serve one node.
     */
    protected PluginStore otherNode(PluginStore first) {
        return first;
    }

    /** Changes the stored bytes of the module in place, as a disk or a restore gone wrong would. */
    protected abstract void damageModule(PluginDigest digest);

    protected static byte[] module(int number) {
        return ("\0asm module " + number).getBytes(StandardCharsets.UTF_8);
    }

    private PluginStore store() {
        return store(CLOCK, StorageSettings.DEFAULT_KEEP_VERSIONS);
    }

    @Test
    void pushShouldMakeTheNewVersionActive() {
        PluginStore store = store();

        PluginVersion pushed = store.push(BOB, FIRST, "admin", null);

        assertThat(pushed).isEqualTo(new PluginVersion(BOB, 1, PluginDigest.of(FIRST), FIRST.length, NOW, "admin"));
        assertThat(store.active(BOB)).contains(pushed);
        assertThat(store.module(pushed.digest())).hasValueSatisfying(wasm -> assertThat(wasm).isEqualTo(FIRST));
    }

    @Test
    void pushShouldKeepTheEarlierVersions() {
        PluginStore store = store();
        PluginVersion first = store.push(BOB, FIRST, "bob", null);

        PluginVersion second = store.push(BOB, SECOND, "bob", null);

        assertThat(second.version()).isEqualTo(2);
        assertThat(store.history(BOB)).containsExactly(first, second);
        assertThat(store.active(BOB)).contains(second);
    }

    @Test
    void activateShouldRollBackToAnEarlierVersion() {
        PluginStore store = store();
        PluginVersion first = store.push(BOB, FIRST, "bob", null);
        store.push(BOB, SECOND, "bob", null);

        assertThat(store.activate(BOB, 1)).isEqualTo(first);
        assertThat(store.active(BOB)).contains(first);
        assertThat(store.history(BOB)).hasSize(2);
    }

    @Test
    void activateShouldThrowWhenTheVersionDoesNotExist() {
        PluginStore store = store();
        store.push(BOB, FIRST, "bob", null);

        assertThatThrownBy(() -> store.activate(BOB, 2))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage(BOB + " has no plugin version 2");
    }

    @Test
    void deactivateShouldLeaveNoActivePluginButTheVersions() {
        PluginStore store = store();
        PluginVersion first = store.push(BOB, FIRST, "bob", null);

        store.deactivate(BOB);

        assertThat(store.active(BOB)).isEmpty();
        assertThat(store.history(BOB)).containsExactly(first);
    }

    @Test
    void shouldHaveNothingForAnOwnerWhoNeverPushed() {
        PluginStore store = store();

        assertThat(store.active(BOB)).isEmpty();
        assertThat(store.history(BOB)).isEmpty();
        assertThat(store.config(BOB)).isEmpty();
        assertThat(store.module(PluginDigest.of(FIRST))).isEmpty();
    }

    @Test
    void shouldFindEverythingAgainAfterARestart() {
        PluginStore store = store();
        PluginVersion first = store.push(BOB, FIRST, "bob", null);
        PluginVersion second = store.push(BOB, SECOND, "bob", null);
        store.activate(BOB, 1);
        store.setConfig(BOB, Map.of("greeting", "Hi"));

        PluginStore restarted = store();

        assertThat(restarted.active(BOB)).contains(first);
        assertThat(restarted.history(BOB)).containsExactly(first, second);
        assertThat(restarted.config(BOB)).isEqualTo(Map.of("greeting", "Hi"));
        assertThat(restarted.module(second.digest())).hasValueSatisfying(wasm -> assertThat(wasm).isEqualTo(SECOND));
    }

    @Test
    void pushShouldKeepTheSimulationReportWithTheVersion() {
        PluginStore store = store();
        SimulationReport report = SimulationReport.of(List.of(new ScenarioResult("empty body",
            ScenarioResult.Status.passed, 0, List.of(), null, null, List.of("INFO hello"), null, 1.5)),
            Duration.ofSeconds(1));

        PluginVersion pushed = store.push(BOB, FIRST, "bob", report);

        assertThat(store().active(BOB)).contains(pushed);
        assertThat(store().history(BOB)).singleElement().extracting(PluginVersion::simulations).isEqualTo(report);
    }

    @Test
    void configShouldBeKeptAcrossPushesAndBeTheOwnersOnly() {
        PluginStore store = store();
        store.setConfig(BOB, Map.of("greeting", "Hi"));

        store.push(BOB, FIRST, "bob", null);

        assertThat(store.config(BOB)).isEqualTo(Map.of("greeting", "Hi"));
        assertThat(store.config(CAROL)).isEmpty();
    }

    @Test
    void deleteShouldForgetVersionsAndConfig() {
        PluginStore store = store();
        store.push(BOB, FIRST, "bob", null);
        store.setConfig(BOB, Map.of("greeting", "Hi"));

        assertThat(store.delete(BOB)).isTrue();

        assertThat(store.active(BOB)).isEmpty();
        assertThat(store.history(BOB)).isEmpty();
        assertThat(store.config(BOB)).isEmpty();
        assertThat(store.owners()).isEmpty();
        assertThat(store.module(PluginDigest.of(FIRST))).isEmpty();
    }

    @Test
    void deleteShouldReturnFalseWhenTheOwnerHadNothing() {
        assertThat(store().delete(BOB)).isFalse();
    }

    @Test
    void pushShouldNumberFromOneAgainAfterADelete() {
        PluginStore store = store();
        store.push(BOB, FIRST, "bob", null);
        store.push(BOB, SECOND, "bob", null);
        store.delete(BOB);

        assertThat(store.push(BOB, SECOND, "bob", null).version()).isEqualTo(1);
    }

    @Test
    void ownersShouldListWhoPushedOrSetAConfig() {
        PluginStore store = store();
        store.push(BOB, FIRST, "bob", null);
        store.push(Owner.of("carol+tag@example.org"), FIRST, "admin", null);
        store.setConfig(Owner.of("dave@example.org"), Map.of("a", "b"));

        assertThat(store().owners()).containsExactlyInAnyOrder(BOB, Owner.of("carol+tag@example.org"),
            Owner.of("dave@example.org"));
    }

    @Test
    void aModuleShouldOutliveOneOfTheOwnersWhoPushedIt() {
        PluginStore store = store();
        store.push(BOB, FIRST, "bob", null);
        store.push(CAROL, FIRST, "carol", null);

        store.delete(BOB);

        assertThat(store.module(PluginDigest.of(FIRST))).hasValueSatisfying(wasm -> assertThat(wasm).isEqualTo(FIRST));
    }

    @Test
    void aDamagedModuleShouldBeRefusedRatherThanReturned() {
        PluginStore store = store();
        store.push(BOB, FIRST, "bob", null);

        damageModule(PluginDigest.of(FIRST));

        assertThatThrownBy(() -> store.module(PluginDigest.of(FIRST)))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("is damaged");
    }

    @Test
    void pushShouldForgetTheOldestVersionsBeyondTheRetention() {
        PluginStore store = store(CLOCK, 3);
        IntStream.rangeClosed(1, 5).forEach(number -> store.push(BOB, module(number), "bob", null));

        assertThat(store.history(BOB)).extracting(PluginVersion::version).containsExactly(3, 4, 5);
        assertThat(store.module(PluginDigest.of(module(1)))).isEmpty();
        assertThat(store.module(PluginDigest.of(module(2)))).isEmpty();
        assertThat(store.module(PluginDigest.of(module(3)))).isPresent();
        assertThatThrownBy(() -> store.activate(BOB, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void retentionShouldKeepAModuleThatAnotherOwnerStillUses() {
        PluginStore store = store(CLOCK, 1);
        store.push(CAROL, FIRST, "carol", null);
        store.push(BOB, FIRST, "bob", null);

        store.push(BOB, SECOND, "bob", null);

        assertThat(store.history(BOB)).extracting(PluginVersion::version).containsExactly(2);
        assertThat(store.module(PluginDigest.of(FIRST))).isPresent();
    }

    @Test
    void retentionShouldKeepAModuleThatALaterVersionOfTheSameOwnerUses() {
        PluginStore store = store(CLOCK, 2);
        store.push(BOB, FIRST, "bob", null);
        store.push(BOB, SECOND, "bob", null);

        store.push(BOB, FIRST, "bob", null);

        assertThat(store.history(BOB)).extracting(PluginVersion::version).containsExactly(2, 3);
        assertThat(store.module(PluginDigest.of(FIRST))).isPresent();
    }

    @Test
    void activatingAnOlderVersionShouldForgetNothing() {
        PluginStore store = store(CLOCK, 2);
        IntStream.rangeClosed(1, 3).forEach(number -> store.push(BOB, module(number), "bob", null));

        store.activate(BOB, 2);

        assertThat(store.history(BOB)).extracting(PluginVersion::version).containsExactly(2, 3);
        assertThat(store.active(BOB)).hasValueSatisfying(active -> assertThat(active.version()).isEqualTo(2));
        assertThat(store.push(BOB, module(4), "bob", null).version()).isEqualTo(4);
    }

    @Test
    void concurrentPushesForOneOwnerShouldGetDistinctVersionsAndAllBeKept() throws Exception {
        PluginStore store = store(CLOCK, 100);
        PluginStore other = otherNode(store);

        List<List<Integer>> numbers = Concurrently.run(2, node -> () -> IntStream.range(0, ROUNDS)
            .mapToObj(round -> (node == 0 ? store : other).push(BOB, module(node * 1000 + round), "bob", null))
            .map(PluginVersion::version)
            .toList());

        assertThat(numbers.stream().flatMap(List::stream)).doesNotHaveDuplicates().hasSize(2 * ROUNDS);
        assertThat(store.history(BOB)).extracting(PluginVersion::version)
            .containsExactlyElementsOf(IntStream.rangeClosed(1, 2 * ROUNDS).boxed().toList());
    }

    @Test
    void aModuleShouldSurviveWhenOneOwnerPushesItWhileAnotherOwnersLastUseGoesAway() throws Exception {
        PluginStore store = store();
        PluginStore other = otherNode(store);
        for (int round = 0; round < ROUNDS; round++) {
            byte[] shared = module(round);
            store.push(CAROL, shared, "carol", null);

            Concurrently.run(2, task -> () -> task == 0 ? store.delete(CAROL) : other.push(BOB, shared, "bob", null));

            PluginVersion bobs = store.active(BOB).orElseThrow();
            assertThat(store.module(bobs.digest())).as("round %d", round).isPresent();
        }
    }

    @Test
    void aPushOnOneNodeShouldBeReadOnTheOther() {
        PluginStore store = store();

        PluginVersion pushed = store.push(BOB, FIRST, "bob", null);

        assertThat(otherNode(store).active(BOB)).contains(pushed);
        assertThat(otherNode(store).module(pushed.digest())).isPresent();
    }
}
