package org.hackablemail.core.circuit.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.hackablemail.core.circuit.CircuitStore;
import org.hackablemail.core.circuit.CircuitStoreContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemCircuitStoreTest extends CircuitStoreContract {
    @TempDir
    Path directory;

    @Override
    protected CircuitStore store() {
        return new FileSystemCircuitStore(directory);
    }

    @Test
    void shouldKeepTheStatesWhenReopened() {
        store().commit(BOB, 0, SUSPENDED);

        CircuitStore reopened = new FileSystemCircuitStore(directory);

        assertThat(reopened.read(BOB)).isEqualTo(SUSPENDED.atVersion(1));
        assertThat(reopened.suspended()).containsExactly(BOB);
    }
}
