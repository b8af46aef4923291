package org.hackablemail.plugin.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.hackablemail.plugin.PluginDigest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {
    private static final int THREADS = 8;

    private final OwnerVariables vars = new OwnerVariables();
    private PluginHost host;
    private ExecutorService callers;

    @BeforeEach
    void setUp() {
        // The runaway's timeout bounds the test's length; well-behaved calls end far within it even on a loaded machine.
        host = new PluginHost(SandboxLimits.builder().callTimeout(Duration.ofSeconds(10)).build(),
            HostCapacity.defaults());
        callers = Executors.newFixedThreadPool(THREADS);
    }

    @AfterEach
    void tearDown() {
        callers.shutdownNow();
        host.close();
    }

    @Test
    void shouldAnswerEveryCallWithItsOwnInputWhenThreadsShareOnePlugin() throws Exception {
        PluginDigest echo = host.install(TestPlugins.wasm("echo-input"));
        List<Callable<Boolean>> calls = new ArrayList<>();
        for (int i = 0; i < 4_000; i++) {
            int number = i;
            calls.add(() -> vars.run(host, echo, numberCall("bob@example.org", number)).resultCode() == number);
        }

        assertThat(runAll(calls)).containsOnly(true);
    }

    @Test
    void shouldKeepOwnersApartWhenManyOwnersCallAtOnce() throws Exception {
        PluginDigest counter = host.install(TestPlugins.wasm("count-calls"));
        PluginDigest echo = host.install(TestPlugins.wasm("echo-input"));
        PluginDigest runaway = host.install(TestPlugins.wasm("infinite-loop"));
        int owners = 40;
        int callsPerOwner = 50;
        List<Callable<Boolean>> calls = new ArrayList<>();
        for (int owner = 0; owner < owners; owner++) {
            String address = "owner" + owner + "@example.org";
            // An owner's calls run one after the other, as the counter reads then writes its variable.
            calls.add(() -> countsUpTo(counter, address, callsPerOwner));
            calls.add(() -> vars.run(host, echo, numberCall(address, address.length())).resultCode()
                == address.length());
        }
        calls.add(() -> vars.run(host, runaway, numberCall("mallory@example.org", 0)).failure()
            .map(PluginFailure::reason).equals(Optional.of(PluginFailure.Reason.TIMEOUT)));

        assertThat(runAll(calls)).containsOnly(true);
        for (int owner = 0; owner < owners; owner++) {
            assertThat(vars.get("owner" + owner + "@example.org", "n"))
                .hasValueSatisfying(value -> assertThat(value[0]).isEqualTo((byte) callsPerOwner));
        }
    }

    private boolean countsUpTo(PluginDigest counter, String owner, int calls) {
        for (int expected = 1; expected <= calls; expected++) {
            if (vars.run(host, counter, numberCall(owner, 0)).resultCode() != expected) {
                return false;
            }
        }
        return true;
    }

    private List<Boolean> runAll(List<Callable<Boolean>> calls) throws Exception {
        List<Boolean> results = new ArrayList<>();
        for (Future<Boolean> result : callers.invokeAll(calls)) {
            results.add(result.get());
        }
        return results;
    }

    private static EmailCall numberCall(String owner, int number) {
        return new EmailCall(owner, Integer.toString(number).getBytes(StandardCharsets.UTF_8), Map.of(), true);
    }
}
