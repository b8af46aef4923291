package org.hackablemail.core.store.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Stream;

import org.hackablemail.core.Owner;
import org.hackablemail.core.store.PluginStore;
import org.hackablemail.core.store.PluginStoreContract;
import org.hackablemail.core.store.StorageSettings;
import org.hackablemail.plugin.PluginDigest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemPluginStoreTest extends PluginStoreContract {

    @TempDir
    Path directory;

    @Override
    protected PluginStore store(Clock clock, int keepVersions) {
        return new FileSystemPluginStore(directory, clock, keepVersions);
    }

    @Override
    protected void damageModule(PluginDigest digest) {
        Path module = directory.resolve("modules").resolve(digest.hex().substring(0, 2)).resolve(digest.hex() + ".wasm");
        try {
            byte[] bytes = Files.readAllBytes(module);
            bytes[bytes.length - 1] ^= 1;
            Files.write(module, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private FileSystemPluginStore open() {
        return new FileSystemPluginStore(directory, CLOCK, StorageSettings.DEFAULT_KEEP_VERSIONS);
    }

    @Test
    void shouldStoreAModuleOnceWhenOwnersPushTheSameBytes() throws IOException {
        FileSystemPluginStore store = open();
        store.push(BOB, FIRST, "bob", null);
        store.push(CAROL, FIRST, "carol", null);

        assertThat(files(directory.resolve("modules"))).hasSize(1);
    }

    @Test
    void shouldDeleteInterruptedWritesWhenOpened() throws IOException {
        open().push(BOB, FIRST, "bob", null);
        Path leftover = Files.writeString(directory.resolve("owners").resolve(".123.part"), "{\"act");

        open();

        assertThat(leftover).doesNotExist();
    }

    @Test
    void shouldDeleteAModuleNoOwnerRefersToWhenOpened() throws IOException {
        open().push(BOB, FIRST, "bob", null);
        Path orphan = directory.resolve("modules").resolve("ab").resolve("ab" + "0".repeat(62) + ".wasm");
        Files.createDirectories(orphan.getParent());
        Files.write(orphan, SECOND);

        FileSystemPluginStore reopened = open();

        assertThat(orphan).doesNotExist();
        assertThat(reopened.module(PluginDigest.of(FIRST))).isPresent();
    }

    @Test
    void aDeletedOwnerShouldLeaveNothingOnDisk() throws IOException {
        FileSystemPluginStore store = open();
        store.push(BOB, FIRST, "bob", null);
        store.push(BOB, SECOND, "bob", null);
        store.setConfig(BOB, Map.of("greeting", "Hi"));

        store.delete(BOB);

        assertThat(files(directory)).isEmpty();
    }

    @Test
    void shouldKeepOwnerFilesInsideTheStoreWhenTheAddressLooksLikeAPath() throws IOException {
        open().push(Owner.of("../../etc/passwd@example.org"), FIRST, "mallory", null);

        assertThat(files(directory.resolve("owners")))
            .containsExactly(directory.resolve("owners").resolve("..%2F..%2Fetc%2Fpasswd%40example.org.json"));
    }

    @Test
    void pushShouldThrowWhenTheOwnerIsTooLongForAFileName() {
        FileSystemPluginStore store = open();

        assertThatThrownBy(() -> store.push(Owner.of("x".repeat(200) + "@example.org"), FIRST, "admin", null))
            .isInstanceOf(IllegalArgumentException.class);
    }

    private static Stream<Path> files(Path directory) throws IOException {
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile).toList().stream();
        }
    }
}
