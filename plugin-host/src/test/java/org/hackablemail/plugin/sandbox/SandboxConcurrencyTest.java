package org.hackablemail.plugin.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hackablemail.plugin.sandbox.TestSandbox.call;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.hackablemail.plugin.PluginDigest;
import org.hackablemail.plugin.host.PluginFailure;
import org.hackablemail.plugin.host.SandboxLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many owners at once through two mail workers, a runaway among them: each owner gets its own answers and counts. */
class SandboxConcurrencyTest {
    private static final int THREADS = 8;

    @TempDir
    Path code;

    @Test
    void shouldKeepOwnersApartWhenManyOwnersCallAtOnce() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(THREADS);
        // The runaway's timeout bounds the test's length; well-behaved calls end far within it even on a loaded machine.
        try (TestSandbox sandbox = new TestSandbox(code, settings -> settings.mailWorkers(2)
            .limits(SandboxLimits.builder().callTimeout(Duration.ofSeconds(10)).build())
            .ownerCpuPerMinute(Duration.ofMinutes(10)))) {
            PluginDigest counter = sandbox.install("bob@example.org", "count-calls");
            PluginDigest echo = sandbox.install("bob@example.org", "echo-input");
            PluginDigest runaway = sandbox.install("mallory@example.org", "infinite-loop");
            int owners = 20;
            int callsPerOwner = 10;
            List<Callable<Boolean>> calls = new ArrayList<>();
            for (int owner = 0; owner < owners; owner++) {
                String address = "owner" + owner + "@example.org";
                // An owner's calls run one after the other, as the counter reads then writes its variable.
                calls.add(() -> {
                    for (int expected = 1; expected <= callsPerOwner; expected++) {
                        if (sandbox.run(counter, call(address, 0)).resultCode() != expected) {
                            return false;
                        }
                    }
                    return true;
                });
                calls.add(() -> sandbox.run(echo, call(address, address.length())).resultCode() == address.length());
            }
            calls.add(() -> sandbox.run(runaway, call("mallory@example.org", 0)).failure()
                .map(PluginFailure::reason).filter(PluginFailure.Reason.TIMEOUT::equals).isPresent());

            List<Boolean> results = new ArrayList<>();
            for (Future<Boolean> result : callers.invokeAll(calls)) {
                results.add(result.get());
            }

            assertThat(results).as(sandbox.log()).containsOnly(true);
            for (int owner = 0; owner < owners; owner++) {
                assertThat(sandbox.variable("owner" + owner + "@example.org", "n"))
                    .hasValueSatisfying(value -> assertThat(value[0]).isEqualTo((byte) callsPerOwner));
            }
        } finally {
            callers.shutdownNow();
        }
    }
}
