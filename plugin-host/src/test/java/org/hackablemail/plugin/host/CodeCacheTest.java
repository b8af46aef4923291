package org.hackablemail.plugin.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeCacheTest {
    private static CompiledCode echo;
    private static CompiledCode trap;
    private static long echoWeight;

    @TempDir
    Path directory;

    @BeforeAll
    static void compile() throws Exception {
        echo = TestPlugins.compiled("echo-input");
        trap = TestPlugins.compiled("trap");
        echoWeight = new CodeLoader().load(echo).weightBytes();
    }

    @Test
    void shouldServeTheSamePluginWhenItIsInMemory() {
        CodeCache cache = new CodeCache(Long.MAX_VALUE, new CodeLoader(), Optional.empty());

        CompiledPlugin kept = cache.put(echo, false);

        assertThat(cache.get(echo.digest())).containsSame(kept);
    }

    @Test
    void shouldEvictTheLeastRecentlyUsedWhenOverItsBytes() {
        CodeCache cache = new CodeCache(echoWeight + echoWeight / 2, new CodeLoader(), Optional.empty());
        cache.put(echo, false);

        cache.put(trap, false);

        assertThat(cache.get(echo.digest())).isEmpty();
        assertThat(cache.get(trap.digest())).isPresent();
        assertThat(cache.bytes()).isLessThanOrEqualTo(echoWeight + echoWeight / 2);
    }

    @Test
    void shouldLoadFromDiskWhatAnotherCacheCompiled() {
        DiskCodeCache disk = new DiskCodeCache(directory, Long.MAX_VALUE);
        new CodeCache(Long.MAX_VALUE, new CodeLoader(), Optional.of(disk)).put(echo, true);

        CodeCache restarted = new CodeCache(Long.MAX_VALUE, new CodeLoader(), Optional.of(disk));

        assertThat(restarted.get(echo.digest())).map(CompiledPlugin::digest).contains(echo.digest());
    }

    @Test
    void shouldKeepOffDiskWhatWasNotToBePersisted() {
        DiskCodeCache disk = new DiskCodeCache(directory, Long.MAX_VALUE);
        new CodeCache(Long.MAX_VALUE, new CodeLoader(), Optional.of(disk)).put(echo, false);

        assertThat(disk.read(echo.digest())).isEmpty();
    }
}
