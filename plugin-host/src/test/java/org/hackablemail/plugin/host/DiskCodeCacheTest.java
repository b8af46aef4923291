package org.hackablemail.plugin.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;

import org.hackablemail.plugin.PluginDigest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskCodeCacheTest {
    private static CompiledCode echo;
    private static CompiledCode trap;
    private static CompiledCode drop;

    @TempDir
    Path root;

    @BeforeAll
    static void compile() throws Exception {
        echo = TestPlugins.compiled("echo-input");
        trap = TestPlugins.compiled("trap");
        drop = TestPlugins.compiled("drop");
    }

    @Test
    void shouldReadBackWhatItWrote() {
        DiskCodeCache cache = new DiskCodeCache(root, Long.MAX_VALUE);

        cache.write(echo);

        assertThat(cache.read(echo.digest())).hasValueSatisfying(read -> {
            assertThat(read.skeleton()).isEqualTo(echo.skeleton());
            assertThat(read.classes()).isEqualTo(echo.classes());
        });
    }

    @Test
    void shouldDeleteAndMissAFileThatWasDamaged() throws Exception {
        DiskCodeCache cache = new DiskCodeCache(root, Long.MAX_VALUE);
        cache.write(echo);
        Path file = codeFile(cache, echo.digest());
        byte[] content = Files.readAllBytes(file);
        content[content.length / 2] ^= 1;
        Files.write(file, content);

        assertThat(cache.read(echo.digest())).isEmpty();
        assertThat(file).doesNotExist();
    }

    @Test
    void shouldMissAFileStoredUnderAnotherDigest() throws Exception {
        DiskCodeCache cache = new DiskCodeCache(root, Long.MAX_VALUE);
        cache.write(echo);
        Files.move(codeFile(cache, echo.digest()), codeFile(cache, trap.digest()));

        assertThat(cache.read(trap.digest())).isEmpty();
    }

    @Test
    void shouldEvictTheLeastRecentlyUsedWhenOverItsBytes() throws Exception {
        DiskCodeCache measure = new DiskCodeCache(root.resolve("measure"), Long.MAX_VALUE);
        measure.write(echo);
        long oneFile = Files.size(codeFile(measure, echo.digest()));
        DiskCodeCache cache = new DiskCodeCache(root.resolve("cache"), 2 * oneFile + oneFile / 2);
        cache.write(echo);
        cache.write(trap);
        Files.setLastModifiedTime(codeFile(cache, echo.digest()), FileTime.fromMillis(1_000));
        Files.setLastModifiedTime(codeFile(cache, trap.digest()), FileTime.fromMillis(2_000));
        cache.read(echo.digest()); // used again: now the most recent

        cache.write(drop);

        assertThat(cache.read(trap.digest())).isEmpty();
        assertThat(cache.read(echo.digest())).isPresent();
        assertThat(cache.read(drop.digest())).isPresent();
    }

    @Test
    void shouldDropTheCodeOfOtherCompilersAtItsFirstWrite() throws Exception {
        Path stale = Files.createDirectories(root.resolve("0123456789abcdef"));
        Files.write(stale.resolve(echo.digest().hex() + ".code"), new byte[] {1, 2, 3});
        DiskCodeCache cache = new DiskCodeCache(root, Long.MAX_VALUE);

        cache.write(echo);

        assertThat(stale).doesNotExist();
        try (Stream<Path> directories = Files.list(root)) {
            assertThat(directories).containsExactly(cache.directory());
        }
    }

    private static Path codeFile(DiskCodeCache cache, PluginDigest digest) {
        return cache.directory().resolve(digest.hex() + ".code");
    }
}
