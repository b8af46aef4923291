package org.hackablemail.plugin.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hackablemail.plugin.sandbox.TestSandbox.call;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.hackablemail.plugin.PluginDigest;
import org.hackablemail.plugin.host.Outcome;
import org.hackablemail.plugin.host.PluginFailure;
import org.hackablemail.plugin.host.SandboxLimits;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Workers that break the protocol (as one taken over by a plugin might): the call ends with an outcome, never an
 * exception or a wait without end; the worker is killed and replaced; the call is charged as for any worker it
 * killed while running alone.
 */
class BrokenWorkerTest {
    private static final PluginDigest ANY_PLUGIN = new PluginDigest("0".repeat(64));

    @TempDir
    Path code;

    @ParameterizedTest
    @EnumSource(BrokenWorker.Misdeed.class)
    void shouldKillAWorkerThatBreaksTheProtocolAndEndTheCallWithAnOutcome(BrokenWorker.Misdeed misdeed)
        throws Exception {
        List<String> log = new ArrayList<>();
        SandboxSettings settings = SandboxSettings.builder(code)
            .limits(SandboxLimits.builder().callTimeout(Duration.ofSeconds(1)).build())
            .killGrace(Duration.ofSeconds(1))
            .mailWorkers(1)
            .queueWait(Duration.ofSeconds(60))
            .startTimeout(Duration.ofMinutes(2))
            .build();
        try (SandboxClient client = new SandboxClient(settings, BrokenWorker.command(misdeed), digest -> Optional.empty(),
            line -> {
                synchronized (log) {
                    log.add(line);
                }
            })) {
            assertThat(client.awaitReady(Duration.ofMinutes(2))).as("%s", log).isTrue();
            ProcessHandle broken = ProcessHandle.of(client.workers().stream()
                .filter(worker -> worker.lane().equals("mail-1")).findFirst().orElseThrow().pid()).orElseThrow();

            Outcome outcome = CompletableFuture.supplyAsync(() -> client.onEmail(ANY_PLUGIN,
                call("mallory@example.org", 0), name -> Optional.empty())).get(2, TimeUnit.MINUTES);

            assertThat(outcome.failure()).as("%s", log).hasValueSatisfying(failure ->
                assertThat(failure.reason()).isEqualTo(PluginFailure.Reason.KILLED));
            broken.onExit().get(1, TimeUnit.MINUTES); // killed: else a TimeoutException
        }
    }
}
