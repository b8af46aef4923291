package org.hackablemail.plugin.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class HostWarmUpTest {
    @Test
    void runShouldCallTheBuiltInPluginWithoutFailure() throws Exception {
        // Behaviour, not speed: a generous timeout, so that a loaded machine cannot fail the test.
        SandboxLimits patient = SandboxLimits.builder().callTimeout(Duration.ofSeconds(10)).build();
        try (PluginHost host = new PluginHost(patient, HostCapacity.defaults())) {
            assertThat(HostWarmUp.run(host)).isZero();
        }
    }
}
