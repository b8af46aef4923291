package org.hackablemail.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hackablemail.core.Concurrently;
import org.hackablemail.core.Owner;
import org.junit.jupiter.api.Test;

/**
 * What every {@link VariableStore} must do, whatever holds it: the compare-and-set protocol of plugin calls, quotas,
 * deletion. A back-end's test extends this class and gives a store on storage of its own for each test.
 */
public abstract class VariableStoreContract {
    protected static final Owner BOB = Owner.of("bob@example.org");
    protected static final Owner CAROL = Owner.of("carol@example.org");
    protected static final VariableQuotas QUOTAS = new VariableQuotas(100, 10_000);
    private static final int ROUNDS = 50;

    /**
     * A store on this test's storage, which is empty at the first call of a test. Later calls in the same test give
     * a store on the same storage, as after a restart (maybe with other quotas).
     */
    protected abstract VariableStore store(VariableQuotas quotas);

    /**
     * A store on the same storage as {@code first}, used at the same time from another node. The default is
     * {@code first} itself, for back-ends that serve one node.
     */
    protected VariableStore otherNode(VariableStore first) {
        return first;
    }

    protected static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    protected static Map<String, Optional<byte[]>> set(String name, String value) {
        return Map.of(name, Optional.of(bytes(value)));
    }

    @Test
    void getShouldBeEmptyWhenNothingWasCommitted() {
        assertThat(store(QUOTAS).get(BOB, "n")).isEmpty();
    }

    @Test
    void commitShouldApplyTheWritesAndChangeTheVersion() throws Exception {
        VariableStore store = store(QUOTAS);
        long version = store.version(BOB);

        assertThat(store.commit(BOB, version, Map.of("a", Optional.of(bytes("1")), "b", Optional.of(bytes("2")))))
            .isTrue();

        assertThat(store.get(BOB, "a")).contains(bytes("1"));
        assertThat(store.get(BOB, "b")).contains(bytes("2"));
        assertThat(store.version(BOB)).isNotEqualTo(version);
    }

    @Test
    void theVersionShouldNotChangeWithoutACommit() {
        VariableStore store = store(QUOTAS);

        long version = store.version(BOB);
        store.get(BOB, "a");

        assertThat(store.version(BOB)).isEqualTo(version);
    }

    @Test
    void commitShouldRemoveAVariableWrittenAsEmpty() throws Exception {
        VariableStore store = store(QUOTAS);
        store.commit(BOB, store.version(BOB), set("a", "1"));

        assertThat(store.commit(BOB, store.version(BOB), Map.of("a", Optional.empty()))).isTrue();

        assertThat(store.get(BOB, "a")).isEmpty();
    }

    @Test
    void commitShouldChangeNothingWhenTheVersionIsNotTheOneRead() throws Exception {
        VariableStore store = store(QUOTAS);
        long read = store.version(BOB);
        store.commit(BOB, read, set("a", "first"));

        assertThat(store.commit(BOB, read, Map.of("a", Optional.of(bytes("second")), "b", Optional.of(bytes("x")))))
            .isFalse();

        assertThat(store.get(BOB, "a")).contains(bytes("first"));
        assertThat(store.get(BOB, "b")).isEmpty();
    }

    @Test
    void variablesShouldSurviveARestart() throws Exception {
        VariableStore store = store(QUOTAS);
        store.commit(BOB, store.version(BOB), set("vacation:alice@example.org", "2026-11-21"));

        assertThat(store(QUOTAS).get(BOB, "vacation:alice@example.org")).contains(bytes("2026-11-21"));
    }

    @Test
    void ownersShouldNotSeeEachOthersVariables() throws Exception {
        VariableStore store = store(QUOTAS);
        store.commit(BOB, store.version(BOB), set("n", "bob's"));

        assertThat(store.get(CAROL, "n")).isEmpty();
    }

    @Test
    void aCommitOfOneOwnerShouldNotFailAnotherOwnersCommit() throws Exception {
        VariableStore store = store(QUOTAS);
        long carols = store.version(CAROL);
        store.commit(BOB, store.version(BOB), set("n", "1"));

        assertThat(store.commit(CAROL, carols, set("n", "2"))).isTrue();
    }

    @Test
    void valuesShouldBeCopiesThatCallersCannotChange() throws Exception {
        VariableStore store = store(QUOTAS);
        byte[] value = bytes("value");
        store.commit(BOB, store.version(BOB), Map.of("n", Optional.of(value)));

        value[0] = 'X';
        store.get(BOB, "n").orElseThrow()[1] = 'X';

        assertThat(store.get(BOB, "n")).contains(bytes("value"));
    }

    @Test
    void deleteAllShouldForgetEveryVariableOfTheOwnerOnly() throws Exception {
        VariableStore store = store(QUOTAS);
        store.commit(BOB, store.version(BOB), Map.of("a", Optional.of(bytes("1")), "b", Optional.of(bytes("2"))));
        store.commit(CAROL, store.version(CAROL), set("a", "3"));

        store.deleteAll(BOB);

        VariableStore restarted = store(QUOTAS);
        assertThat(restarted.get(BOB, "a")).isEmpty();
        assertThat(restarted.get(BOB, "b")).isEmpty();
        assertThat(restarted.get(CAROL, "a")).contains(bytes("3"));
    }

    @Test
    void aCommitReadBeforeADeletionShouldNotBringVariablesBack() throws Exception {
        VariableStore store = store(QUOTAS);
        long beforeAnything = store.version(BOB);
        store.commit(BOB, beforeAnything, set("a", "1"));
        long beforeDeletion = store.version(BOB);

        store.deleteAll(BOB);

        assertThat(store.commit(BOB, beforeDeletion, set("a", "2"))).isFalse();
        assertThat(store.commit(BOB, beforeAnything, set("a", "3"))).isFalse();
        assertThat(store.get(BOB, "a")).isEmpty();
    }

    @Test
    void ofTwoCommitsOnOneVersionExactlyOneShouldWin() throws Exception {
        VariableStore store = store(QUOTAS);
        VariableStore other = otherNode(store);
        for (int round = 0; round < ROUNDS; round++) {
            long version = store.version(BOB);
            String value = String.valueOf(round);

            List<Boolean> won = Concurrently.run(2, node ->
                () -> (node == 0 ? store : other).commit(BOB, version, set("replied:alice", value + "/" + node)));

            assertThat(won).as("round %d", round).containsExactlyInAnyOrder(true, false);
            assertThat(store.get(BOB, "replied:alice")).as("round %d", round)
                .contains(bytes(value + "/" + won.indexOf(true)));
        }
    }

    @Test
    void aCommitOnOneNodeShouldBeReadAndFailStaleCommitsOnTheOther() throws Exception {
        VariableStore store = store(QUOTAS);
        VariableStore other = otherNode(store);
        long read = other.version(BOB);

        store.commit(BOB, store.version(BOB), set("a", "1"));

        assertThat(other.get(BOB, "a")).contains(bytes("1"));
        assertThat(other.commit(BOB, read, set("a", "2"))).isFalse();
    }

    @Test
    void commitShouldBeRefusedWholeWhenItWouldExceedTheCountQuota() throws Exception {
        VariableStore store = store(new VariableQuotas(2, 10_000));
        store.commit(BOB, store.version(BOB), set("a", "1"));
        long version = store.version(BOB);

        assertThatThrownBy(() -> store.commit(BOB, version,
            Map.of("b", Optional.of(bytes("2")), "c", Optional.of(bytes("3")))))
            .isInstanceOf(VariableQuotaExceededException.class)
            .hasMessageContaining("at most 2 variables");

        assertThat(store.get(BOB, "b")).isEmpty();
        assertThat(store.version(BOB)).isEqualTo(version);
    }

    @Test
    void commitShouldBeRefusedWhenNamesAndValuesWouldExceedTheByteQuota() throws Exception {
        VariableStore store = store(new VariableQuotas(100, 12));
        store.commit(BOB, store.version(BOB), set("ab", "1234"));
        long version = store.version(BOB);

        assertThatThrownBy(() -> store.commit(BOB, version, set("cd", "12345")))
            .isInstanceOf(VariableQuotaExceededException.class)
            .hasMessageContaining("at most 12 bytes");

        assertThat(store.get(BOB, "cd")).isEmpty();
        assertThat(store.commit(BOB, version, set("cd", "1234"))).isTrue();
    }

    @Test
    void quotasShouldBeEachOwnersOwn() throws Exception {
        VariableStore store = store(new VariableQuotas(1, 10_000));
        store.commit(BOB, store.version(BOB), set("a", "1"));

        assertThat(store.commit(CAROL, store.version(CAROL), set("a", "1"))).isTrue();
    }

    @Test
    void aCommitThatOnlyShrinksShouldPassAboveALoweredQuota() throws Exception {
        VariableStore generous = store(new VariableQuotas(100, 10_000));
        Map<String, Optional<byte[]>> many = new HashMap<>();
        for (int i = 0; i < 5; i++) {
            many.put("n" + i, Optional.of(bytes("value " + i)));
        }
        generous.commit(BOB, generous.version(BOB), many);

        VariableStore strict = store(new VariableQuotas(2, 10));

        assertThat(strict.commit(BOB, strict.version(BOB), Map.of("n0", Optional.empty()))).isTrue();
        assertThatThrownBy(() -> strict.commit(BOB, strict.version(BOB), set("n1", "a much longer value")))
            .isInstanceOf(VariableQuotaExceededException.class);
    }
}
