package org.hackablemail.plugin.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class CallVariablesTest {
    private final List<String> reads = new ArrayList<>();
    private final VariableReader store = name -> {
        reads.add(name);
        return name.equals("seen") ? Optional.of(new byte[] {1}) : Optional.empty();
    };

    @Test
    void shouldReadEachNameFromTheStoreOnceWhenReadAgain() {
        CallVariables variables = new CallVariables(store, 16, 64);

        variables.get("seen");
        variables.get("seen");
        variables.get("other");

        assertThat(reads).containsExactly("seen", "other");
    }

    @Test
    void shouldReadItsOwnWritesWithoutWritingToTheStore() {
        CallVariables variables = new CallVariables(store, 16, 64);

        variables.set("seen", Optional.of(new byte[] {2}));
        variables.set("gone", Optional.empty());

        assertThat(variables.get("seen")).hasValueSatisfying(value -> assertThat(value).containsExactly(2));
        assertThat(variables.get("gone")).isEmpty();
        assertThat(reads).isEmpty();
        assertThat(variables.writes()).containsOnlyKeys("seen", "gone");
    }

    @Test
    void shouldDenyAValueLargerThanTheCap() {
        CallVariables variables = new CallVariables(store, 16, 64);

        assertThatThrownBy(() -> variables.set("big", Optional.of(new byte[17])))
            .isInstanceOf(SandboxViolation.class)
            .hasMessage("variable 'big' is 17 bytes, the limit is 16");
    }

    @Test
    void shouldCountNamesAndLastValuesAgainstTheCallsCap() {
        CallVariables variables = new CallVariables(store, 16, 20);
        for (int i = 0; i < 10; i++) {
            variables.set("a", Optional.of(new byte[16])); // rewriting one name costs its last value only
        }

        assertThatThrownBy(() -> variables.set("b", Optional.of(new byte[3])))
            .isInstanceOf(SandboxViolation.class)
            .hasMessage("the call wrote more than 20 bytes of variables (names and values)");
        assertThat(Map.copyOf(variables.writes())).containsKey("a");
    }
}
