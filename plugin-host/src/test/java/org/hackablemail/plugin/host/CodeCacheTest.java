package org.hackablemail.plugin.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.hackablemail.plugin.PluginDigest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CodeCacheTest {
    private static final byte[] ECHO = TestPlugins.wasm("echo-input");
    private static final byte[] TRAP = TestPlugins.wasm("trap");

    private final AtomicInteger loads = new AtomicInteger();
    private ExecutorService compileThreads;
    private CodeCache cache;

    @BeforeEach
    void setUp() {
        SandboxLimits limits = SandboxLimits.defaults();
        PluginLinker linker = new PluginLinker(ExtismKernel.load(), limits, new InMemoryVarStore());
        compileThreads = Executors.newSingleThreadExecutor();
        cache = new CodeCache(1, new PluginCompiler(new ModuleValidator(linker.hostInterface(), limits)),
            compileThreads, Duration.ofSeconds(20));
    }

    @AfterEach
    void tearDown() {
        compileThreads.shutdownNow();
    }

    @Test
    void shouldCompileOnceWhenPluginIsCached() throws Exception {
        PluginDigest echo = cache.install(ECHO).digest();

        assertThat(cache.get(echo, this::load)).isSameAs(cache.get(echo, this::load));
        assertThat(loads).hasValue(0);
    }

    @Test
    void shouldReloadFromSourceWhenPluginWasEvicted() throws Exception {
        CompiledPlugin echo = cache.install(ECHO);
        cache.install(TRAP);

        CompiledPlugin reloaded = cache.get(echo.digest(), this::load);

        assertThat(reloaded).isNotSameAs(echo);
        assertThat(loads).hasValue(1);
    }

    @Test
    void getShouldThrowWhenSourceReturnsOtherBytes() {
        assertThatThrownBy(() -> cache.get(PluginDigest.of(ECHO), digest -> Optional.of(TRAP)))
            .isInstanceOf(PluginRejectedException.class)
            .hasMessageContaining("The store returned other bytes than");
    }

    private Optional<byte[]> load(PluginDigest digest) {
        loads.incrementAndGet();
        return Optional.of(ECHO);
    }
}
