package org.hackablemail.plugin.host;

import static org.assertj.core.api.Assertions.assertThat;

import org.hackablemail.plugin.PluginDigest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class InstancePoolTest {
    private static final InstancePool.Key BOB = key("bob@example.org");
    private static final InstancePool.Key CAROL = key("carol@example.org");

    private static PluginLinker linker;
    private static CompiledPlugin echo;

    @BeforeAll
    static void compile() throws Exception {
        SandboxLimits limits = SandboxLimits.defaults();
        linker = new PluginLinker(ExtismKernel.load(), limits);
        echo = new CodeLoader().load(new PluginCompiler(new ModuleValidator(linker.hostInterface(), limits))
            .compile(TestPlugins.wasm("echo-input")));
    }

    @Test
    void shouldGiveInstanceBackToItsOwnerOnly() {
        InstancePool pool = new InstancePool(2, Long.MAX_VALUE);
        PluginInstance instance = linker.instantiate(echo);

        pool.offer(BOB, instance);

        assertThat(pool.take(CAROL)).isEmpty();
        assertThat(pool.take(BOB)).containsSame(instance);
        assertThat(pool.take(BOB)).isEmpty();
    }

    @Test
    void shouldKeepAtMostMaxPerKeyInstances() {
        InstancePool pool = new InstancePool(1, Long.MAX_VALUE);

        pool.offer(BOB, linker.instantiate(echo));
        pool.offer(BOB, linker.instantiate(echo));

        assertThat(pool.take(BOB)).isPresent();
        assertThat(pool.take(BOB)).isEmpty();
    }

    @Test
    void shouldEvictLeastRecentlyUsedOwnerWhenIdleMemoryIsExceeded() {
        PluginInstance bobs = linker.instantiate(echo);
        PluginInstance carols = linker.instantiate(echo);
        InstancePool pool = new InstancePool(2, bobs.memoryBytes() + carols.memoryBytes());
        pool.offer(BOB, bobs);
        pool.offer(CAROL, carols);

        pool.offer(key("dave@example.org"), linker.instantiate(echo));

        assertThat(pool.take(BOB)).isEmpty();
        assertThat(pool.take(CAROL)).containsSame(carols);
    }

    private static InstancePool.Key key(String owner) {
        return new InstancePool.Key(owner, PluginDigest.of(new byte[] {1}));
    }
}
