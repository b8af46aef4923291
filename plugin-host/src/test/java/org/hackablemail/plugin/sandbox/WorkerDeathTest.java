package org.hackablemail.plugin.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hackablemail.plugin.sandbox.TestSandbox.call;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.hackablemail.plugin.PluginDigest;
import org.hackablemail.plugin.host.Outcome;
import org.hackablemail.plugin.host.VariableReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mail worker killed with SIGKILL from outside at each point of a call: before it is sent, while the plugin runs
 * (it waits for a variable the test serves), with other owners' calls running beside it, after its outcome came back.
 * Every call ends with its outcome, computed once: a call killed under way is run again alone, and only that run's
 * variable writes come back, so nothing is counted twice; no call is charged for a death it did not cause.
 */
class WorkerDeathTest {
    @TempDir
    static Path code;

    private static TestSandbox sandbox;
    private static PluginDigest counter;

    @BeforeAll
    static void start() throws Exception {
        sandbox = new TestSandbox(code, settings -> settings.spareWorkers(1));
        counter = sandbox.install("bob@example.org", "count-calls");
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void aCallSentAfterItsWorkerDiedShouldRunOnTheNextWorker() throws Exception {
        String owner = "before@example.org";
        long worker = killMailWorkerOf(owner);

        Outcome outcome = sandbox.run(counter, call(owner, 0));

        assertThat(outcome.resultCode()).as(sandbox.log()).isEqualTo(1);
        assertThat(sandbox.pid(sandbox.client.mailLaneOf(owner))).isNotEqualTo(worker);
    }

    @Test
    void aCallWhoseWorkerDiesWhileThePluginRunsShouldRunAgainAloneOnce() throws Exception {
        String owner = "during@example.org";
        sandbox.run(counter, call(owner, 0));
        AtomicInteger reads = new AtomicInteger();

        Outcome outcome = sandbox.client.onEmail(counter, call(owner, 0), name -> {
            if (reads.incrementAndGet() == 1) {
                killMailWorkerOf(owner); // the plugin is waiting for this very read
            }
            return sandbox.reader(owner).read(name);
        });

        assertThat(reads).as("the first run died reading; the second read again").hasValue(2);
        assertThat(outcome.resultCode()).as(sandbox.log()).isEqualTo(2);
        assertThat(outcome.variableWrites()).containsOnlyKeys("n");
    }

    @Test
    void coTenantsCallsShouldBeRunAgainWhenTheirWorkerDies() throws Exception {
        List<String> owners = List.of("carol@example.org", "dave@example.org", "erin@example.org");
        String lane = sandbox.client.mailLaneOf(owners.get(0));
        CountDownLatch allReading = new CountDownLatch(owners.size());
        CountDownLatch killed = new CountDownLatch(1);
        List<CompletableFuture<Outcome>> calls = owners.stream().map(owner -> CompletableFuture.supplyAsync(() ->
            sandbox.client.onEmail(counter, call(owner, 0), waitingForTheKill(owner, allReading, killed)))).toList();
        assertThat(allReading.await(2, TimeUnit.MINUTES)).as(sandbox.log()).isTrue();

        long worker = sandbox.pid(lane);
        kill(worker);
        killed.countDown();

        for (CompletableFuture<Outcome> call : calls) {
            Outcome outcome = call.get(2, TimeUnit.MINUTES);
            assertThat(outcome.resultCode()).as(outcome + sandbox.log()).isEqualTo(1);
        }
        assertThat(sandbox.awaitReplacement(lane, worker)).isNotEqualTo(worker);
    }

    @Test
    void aCallWhoseWorkerDiesAfterItsOutcomeCameBackShouldKeepThatOutcome() throws Exception {
        String owner = "after@example.org";

        Outcome outcome = sandbox.run(counter, call(owner, 0));
        killMailWorkerOf(owner);

        assertThat(outcome.resultCode()).isEqualTo(1);
        assertThat(sandbox.run(counter, call(owner, 0)).resultCode()).as(sandbox.log()).isEqualTo(2);
    }

    /** Each owner's first read waits until every call is reading and the worker is killed; later reads go on. */
    private static VariableReader waitingForTheKill(String owner, CountDownLatch allReading, CountDownLatch killed) {
        AtomicInteger reads = new AtomicInteger();
        return name -> {
            if (reads.incrementAndGet() == 1) {
                allReading.countDown();
                try {
                    killed.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return Optional.empty();
        };
    }

    private static long killMailWorkerOf(String owner) {
        long worker = sandbox.pid(sandbox.client.mailLaneOf(owner));
        kill(worker);
        return worker;
    }

    /** As {@code kill -9}: no chance for the process to do anything more. */
    private static void kill(long pid) {
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
        process.destroyForcibly();
        process.onExit().join();
    }
}
