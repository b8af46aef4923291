package org.hackablemail.core.store.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.hackablemail.core.Owner;
import org.hackablemail.core.store.VariableQuotas;
import org.hackablemail.core.store.VariableStore;
import org.hackablemail.core.store.VariableStoreContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemVariableStoreTest extends VariableStoreContract {
    private static final long CACHE_BYTES = 1024 * 1024;

    @TempDir
    Path directory;

    @Override
    protected VariableStore store(VariableQuotas quotas) {
        return new FileSystemVariableStore(directory, quotas, CACHE_BYTES);
    }

    @Test
    void anOwnerShouldLeaveNothingOnDiskOnceDeleted() throws Exception {
        VariableStore store = store(QUOTAS);
        store.commit(BOB, store.version(BOB), set("a", "1"));

        store.deleteAll(BOB);

        assertThat(files()).isEmpty();
    }

    @Test
    void anOwnerWhoseLastVariableIsRemovedShouldLeaveNothingOnDisk() throws Exception {
        VariableStore store = store(QUOTAS);
        store.commit(BOB, store.version(BOB), set("a", "1"));

        store.commit(BOB, store.version(BOB), Map.of("a", Optional.empty()));

        assertThat(files()).isEmpty();
    }

    @Test
    void memoryShouldHoldNoMoreThanItsBoundAndOwnersPushedOutShouldBeReadAgain() throws Exception {
        FileSystemVariableStore store = new FileSystemVariableStore(directory, new VariableQuotas(10, 100), 100);
        store.commit(BOB, store.version(BOB), set("a", "x".repeat(59)));
        long bobsVersion = store.version(BOB);

        store.commit(CAROL, store.version(CAROL), set("a", "y".repeat(59)));

        assertThat(store.bytesInMemory()).isEqualTo(60);
        assertThat(store.get(BOB, "a")).contains(bytes("x".repeat(59)));
        assertThat(store.version(BOB)).as("read again from disk: a commit read before must fail")
            .isNotEqualTo(bobsVersion);
        assertThat(store.commit(BOB, bobsVersion, set("a", "z"))).isFalse();
    }

    @Test
    void shouldReadAndReplaceTheLayoutOfEarlierReleases() throws Exception {
        Path earlier = Files.createDirectories(directory.resolve("bob%40example.org"));
        Files.write(earlier.resolve(HexFormat.of().formatHex(bytes("vacation:alice@example.org"))), bytes("2026-11-21"));

        VariableStore store = store(QUOTAS);

        assertThat(store.get(BOB, "vacation:alice@example.org")).contains(bytes("2026-11-21"));
        assertThat(earlier).doesNotExist();
        assertThat(store(QUOTAS).get(BOB, "vacation:alice@example.org")).contains(bytes("2026-11-21"));
    }

    @Test
    void shouldStoreAnOwnerTooLongForAFileNameUnderItsHash() throws Exception {
        Owner longOwner = Owner.of("x".repeat(250) + "@example.org");
        VariableStore store = store(QUOTAS);

        store.commit(longOwner, store.version(longOwner), set("a", "1"));

        assertThat(store(QUOTAS).get(longOwner, "a")).contains(bytes("1"));
        assertThat(files()).singleElement().satisfies(file ->
            assertThat(file.getFileName().toString()).startsWith("sha256-"));
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }
}
