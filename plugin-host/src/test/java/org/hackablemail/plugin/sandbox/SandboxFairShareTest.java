package org.hackablemail.plugin.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hackablemail.plugin.sandbox.TestSandbox.call;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.hackablemail.plugin.PluginDigest;
import org.hackablemail.plugin.host.Outcome;
import org.hackablemail.plugin.host.PluginFailure;
import org.hackablemail.plugin.host.SandboxBusyException;
import org.hackablemail.plugin.host.SandboxLimits;
import org.hackablemail.plugin.host.VariableReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fair share through a real worker: one owner's flood of mail, of CPU or of pushes takes only that owner's share of
 * places and time; beyond it, the owner's calls wait or are deferred (a host-caused failure, tried again later) while
 * other owners' calls go on. Each owner below has a share of its own, so the tests do not meet.
 */
class SandboxFairShareTest {
    /** Plugin CPU time an owner may use per minute: one call that runs to its timeout overdraws it. */
    private static final Duration CPU_SHARE = Duration.ofMillis(10);

    @TempDir
    static Path code;

    private static TestSandbox sandbox;

    @BeforeAll
    static void start() throws Exception {
        // One worker with two places, one per owner.
        sandbox = new TestSandbox(code, settings -> settings.spareWorkers(0)
            .callsPerWorker(2)
            .callsPerOwner(1)
            .ownerCpuPerMinute(CPU_SHARE)
            .guestTimePerHour(Duration.ofMillis(1)));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void anOwnersFloodShouldTakeOnlyItsShareOfPlacesWhileAnotherOwnersMailRuns() throws Exception {
        String flooder = "flooder@example.org";
        PluginDigest counter = sandbox.install(flooder, "count-calls");
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger reading = new AtomicInteger();
        VariableReader heldUntilReleased = name -> {
            reading.incrementAndGet();
            await(release);
            return Optional.empty();
        };
        ExecutorService callers = Executors.newFixedThreadPool(5);
        try {
            List<CompletableFuture<Outcome>> flood = IntStream.range(0, 5).mapToObj(any -> CompletableFuture.supplyAsync(
                () -> sandbox.client.onEmail(counter, call(flooder, 0), heldUntilReleased), callers)).toList();
            awaitAtLeastOne(reading);

            // With both places held by the flood, this call would wait past the queue wait and fail as HOST_BUSY.
            Outcome other = sandbox.run(counter, call("alice@example.org", 0));

            assertThat(other.resultCode()).as(other + sandbox.log()).isEqualTo(1);
            assertThat(reading).as("the flood's calls running: one, the others wait for their turn").hasValue(1);
            release.countDown();
            for (CompletableFuture<Outcome> call : flood) {
                Outcome outcome = call.get(2, TimeUnit.MINUTES);
                assertThat(outcome.resultCode()).as(outcome + sandbox.log()).isEqualTo(1);
            }
        } finally {
            release.countDown();
            callers.shutdownNow();
        }
    }

    @Test
    void anOwnerOverItsCpuShareShouldHaveItsCallsDeferredWhileOthersRun() throws Exception {
        String hog = "hog@example.org";
        // A second of timeout, so that a runaway spends its owner's CPU share soon: a sandbox of its own.
        try (TestSandbox strict = new TestSandbox(code, settings -> settings.spareWorkers(0)
            .limits(SandboxLimits.builder().callTimeout(Duration.ofSeconds(1)).build())
            .ownerCpuPerMinute(CPU_SHARE))) {
            PluginDigest runaway = strict.install(hog, "infinite-loop");
            PluginDigest echo = strict.install("bob@example.org", "echo-input");

            Outcome first = strict.run(runaway, call(hog, 0));
            Outcome next = strict.run(runaway, call(hog, 0));

            assertThat(first.failure()).map(PluginFailure::reason).contains(PluginFailure.Reason.TIMEOUT);
            assertThat(first.cpuTime()).isGreaterThan(CPU_SHARE);
            assertThat(next.failure()).as(next.toString()).hasValueSatisfying(failure -> {
                assertThat(failure.reason()).isEqualTo(PluginFailure.Reason.OVER_BUDGET);
                assertThat(failure.hostCaused()).as("deferred, not charged to the plugin").isTrue();
            });
            assertThat(strict.run(echo, call("carol@example.org", 7)).resultCode()).as(strict.log()).isEqualTo(7);
        }
    }

    @Test
    void anOwnersPushesOverTheirHourlyAllowanceShouldBeRefusedAsBusyWhileOthersPush() throws Exception {
        String pusher = "pusher@example.org";
        sandbox.install(pusher, "echo-input");

        assertThatThrownBy(() -> sandbox.install(pusher, "drop"))
            .isInstanceOf(SandboxBusyException.class)
            .hasMessageStartingWith("The pushes and tests of pusher@example.org used their hour's allowance");
        assertThat(sandbox.install("dave@example.org", "drop")).isNotNull();
    }

    private static void awaitAtLeastOne(AtomicInteger count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (count.get() == 0) {
            assertThat(System.nanoTime()).as("a flood call reading its variable: " + sandbox.log()).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
