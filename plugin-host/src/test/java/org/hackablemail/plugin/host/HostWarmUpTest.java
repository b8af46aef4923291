package org.hackablemail.plugin.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class HostWarmUpTest {
    @Test
    void runShouldCallTheBuiltInPluginWithoutFailure() throws Exception {
        try (PluginHost host = new PluginHost(SandboxLimits.defaults(), HostCapacity.defaults(), new InMemoryVarStore(),
                digest -> Optional.empty())) {
            assertThat(HostWarmUp.run(host)).isZero();
        }
    }
}
