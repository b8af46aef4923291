package org.hackablemail.core.store.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemVarStoreTest {
    private static final byte[] VALUE = "2026-11-21".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path directory;

    @Test
    void getShouldReturnWhatWasPutBeforeARestart() {
        new FileSystemVarStore(directory).put("bob@demo.test", "vacation:alice@example.org", VALUE);

        assertThat(new FileSystemVarStore(directory).get("bob@demo.test", "vacation:alice@example.org")).contains(VALUE);
    }

    @Test
    void getShouldNotSeeAnotherOwnersVariable() {
        FileSystemVarStore vars = new FileSystemVarStore(directory);
        vars.put("bob@demo.test", "n", VALUE);

        assertThat(vars.get("carol@demo.test", "n")).isEmpty();
    }

    @Test
    void removeShouldForgetTheVariableAcrossARestart() {
        FileSystemVarStore vars = new FileSystemVarStore(directory);
        vars.put("bob@demo.test", "n", VALUE);

        vars.remove("bob@demo.test", "n");

        assertThat(vars.get("bob@demo.test", "n")).isEmpty();
        assertThat(new FileSystemVarStore(directory).get("bob@demo.test", "n")).isEmpty();
    }

    @Test
    void removeAllShouldForgetEveryVariableOfTheOwnerOnly() {
        FileSystemVarStore vars = new FileSystemVarStore(directory);
        vars.put("bob@demo.test", "a", VALUE);
        vars.put("bob@demo.test", "b", VALUE);
        vars.put("carol@demo.test", "a", VALUE);

        vars.removeAll("bob@demo.test");

        FileSystemVarStore reopened = new FileSystemVarStore(directory);
        assertThat(reopened.get("bob@demo.test", "a")).isEmpty();
        assertThat(reopened.get("bob@demo.test", "b")).isEmpty();
        assertThat(reopened.get("carol@demo.test", "a")).contains(VALUE);
    }

    @Test
    void getShouldReturnACopyThatCallersCannotChange() {
        FileSystemVarStore vars = new FileSystemVarStore(directory);
        vars.put("bob@demo.test", "n", VALUE.clone());

        vars.get("bob@demo.test", "n").orElseThrow()[0] = 'X';

        assertThat(vars.get("bob@demo.test", "n")).contains(VALUE);
    }
}
