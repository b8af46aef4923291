package org.hackablemail.plugin.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import org.hackablemail.plugin.PluginDigest;
import org.hackablemail.plugin.email.EmailJson;
import org.hackablemail.plugin.email.IncomingEmail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PluginHostTest {
    private static final IncomingEmail EMAIL = IncomingEmail.of("alice@example.org", "bob@example.org",
        Map.of("Subject", "Hello"), "Hi Bob");

    private PluginHost host;

    @BeforeEach
    void setUp() {
        host = new PluginHost(SandboxLimits.defaults(), HostCapacity.defaults(), new InMemoryVarStore(),
            digest -> Optional.empty());
    }

    @AfterEach
    void tearDown() {
        host.close();
    }

    @Test
    void shouldReportDeliveryWhenPluginDeliversItsInput() throws Exception {
        PluginDigest plugin = host.install(TestPlugins.wasm("deliver-input"));

        Outcome outcome = host.onEmail(plugin, call("bob@example.org"));

        assertThat(outcome.succeeded()).as(outcome.toString()).isTrue();
        assertThat(outcome.resultCode()).isZero();
        assertThat(outcome.delivered()).contains(EMAIL);
        assertThat(outcome.logs()).containsExactly(new LogEntry(LogEntry.Level.INFO, "delivering"));
    }

    private static EmailCall call(String owner) {
        return new EmailCall(owner, EmailJson.toJson(EMAIL), Map.of(), true);
    }
}
