package org.hackablemail.plugin.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hackablemail.plugin.sandbox.TestSandbox.call;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.hackablemail.plugin.PluginDigest;
import org.hackablemail.plugin.host.Outcome;
import org.hackablemail.plugin.host.SimulatedCall;
import org.hackablemail.plugin.host.PluginFailure;
import org.hackablemail.plugin.host.PluginRejectedException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client on real worker processes: what a call, an installation and a simulation give back. */
class SandboxClientTest {
    private static final String BOB = "bob@example.org";

    @TempDir
    static Path code;

    private static TestSandbox sandbox;

    @BeforeAll
    static void start() throws Exception {
        sandbox = new TestSandbox(code, settings -> settings.spareWorkers(0));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void shouldRunACallInAnotherProcess() throws Exception {
        PluginDigest echo = sandbox.install(BOB, "echo-input");

        Outcome outcome = sandbox.run(echo, call(BOB, 42));

        assertThat(outcome.resultCode()).as(sandbox.log()).isEqualTo(42);
        assertThat(sandbox.pid(sandbox.client.mailLaneOf(BOB))).isNotEqualTo(ProcessHandle.current().pid());
    }

    @Test
    void shouldReadTheOwnersVariablesFromTheCallerAndReturnTheWrites() throws Exception {
        PluginDigest counter = sandbox.install("carol@example.org", "count-calls");

        sandbox.run(counter, call("carol@example.org", 0));
        Outcome second = sandbox.run(counter, call("carol@example.org", 0));

        assertThat(second.resultCode()).isEqualTo(2);
        assertThat(second.variableWrites()).containsOnlyKeys("n");
        assertThat(sandbox.variable("carol@example.org", "n")).hasValueSatisfying(value -> assertThat(value[0])
            .isEqualTo((byte) 2));
    }

    @Test
    void shouldBringBackNothingToApplyFromAFailedCall() throws Exception {
        PluginDigest plugin = sandbox.install(BOB, "deliver-then-trap");

        Outcome outcome = sandbox.run(plugin, call(BOB, 1));

        assertThat(outcome.failure()).map(PluginFailure::reason).contains(PluginFailure.Reason.TRAP);
        assertThat(outcome.delivered()).isEmpty();
        assertThat(outcome.reply()).isEmpty();
        assertThat(outcome.variableWrites()).isEmpty();
    }

    @Test
    void shouldFailTheCallAsTheHostsFaultWhenTheVariablesCannotBeRead() throws Exception {
        PluginDigest counter = sandbox.install(BOB, "count-calls");

        Outcome outcome = sandbox.client.onEmail(counter, call(BOB, 0), name -> {
            throw new IllegalStateException("the store is down");
        });

        assertThat(outcome.failure()).hasValueSatisfying(failure -> {
            assertThat(failure.reason()).isEqualTo(PluginFailure.Reason.HOST_ERROR);
            assertThat(failure.hostCaused()).isTrue();
            assertThat(failure.message()).contains("the store is down");
        });
    }

    @Test
    void shouldRefuseAnInvalidModuleWithItsReason() {
        assertThatThrownBy(() -> sandbox.install(BOB, "huge-locals"))
            .isInstanceOf(PluginRejectedException.class)
            .hasMessage("Function 0 declares 49000 locals, the limit is 4096");
    }

    @Test
    void shouldSimulateWithVariablesOfItsOwn() throws Exception {
        PluginDigest counter = sandbox.install("dave@example.org", "count-calls");
        sandbox.run(counter, call("dave@example.org", 0));
        sandbox.run(counter, call("dave@example.org", 0));

        SimulatedCall simulated = sandbox.client.simulate(counter, call("dave@example.org", 0));

        assertThat(simulated.outcome().resultCode()).as("after the warm-up's write was dropped").isEqualTo(1);
        assertThat(simulated.time()).isPositive();
        assertThat(sandbox.run(counter, call("dave@example.org", 0)).resultCode()).isEqualTo(3);
    }

    @Test
    void shouldCompileTheMissingCodeOfACallFromTheStoreAndRunTheCall() throws Exception {
        PluginDigest drop = sandbox.install("erin@example.org", "drop");
        deleteCompiledCode(drop);
        SandboxClient.Stats before = sandbox.client.stats();

        Outcome outcome = sandbox.run(drop, call("erin@example.org", 0));
        SandboxClient.Stats after = sandbox.client.stats();

        assertThat(outcome.resultCode()).as(sandbox.log()).isZero();
        assertThat(after.mailCalls() - before.mailCalls()).isEqualTo(1);
        assertThat(after.callsWithoutCode() - before.callsWithoutCode()).as("a miss of the code cache").isEqualTo(1);
        assertThat(sandbox.client.stats().callsWaiting()).isZero();
        SandboxClient.Stats warm = sandbox.client.stats();
        assertThat(sandbox.run(drop, call("erin@example.org", 0)).resultCode()).isZero();
        assertThat(sandbox.client.stats().callsWithoutCode()).as("compiled once").isEqualTo(warm.callsWithoutCode());
    }

    @Test
    void shouldDeferACallWhoseCodeIsMissingWhenItCannotBeCompiled() throws Exception {
        PluginDigest drop = installedWithoutCode("frank@example.org", "drop");

        Outcome deferred = sandbox.run(drop, call("frank@example.org", 0));

        assertDeferredForMissingCode(deferred);
        assertThat(sandbox.log()).contains("not in the store");
    }

    @Test
    void shouldNotCompileADamagedCopyFromTheStoreInPlaceOfTheModule() throws Exception {
        PluginDigest plugin = sandbox.install("heidi@example.org", "error-set");
        deleteCompiledCode(plugin);
        byte[] otherModule = TestSandbox.wasm("refuse-77");
        sandbox.damageModule(plugin, otherModule);

        Outcome deferred = sandbox.run(plugin, call("heidi@example.org", 0));

        assertDeferredForMissingCode(deferred);
        assertThat(sandbox.log()).contains("Cannot compile " + plugin + " of heidi@example.org again: the store's copy"
            + " is damaged (its bytes digest to " + PluginDigest.of(otherModule) + ")");
    }

    @Test
    void shouldNotTryAgainToCompileCodeThatFailedToCompileWhenTheNextCallsCome() throws Exception {
        PluginDigest refuse = installedWithoutCode("grace@example.org", "refuse-77");

        Outcome first = sandbox.run(refuse, call("grace@example.org", 0));
        Outcome second = sandbox.run(refuse, call("grace@example.org", 1));

        assertDeferredForMissingCode(second);
        assertThat(first.failure().map(PluginFailure::reason)).contains(PluginFailure.Reason.NOT_COMPILED);
        assertThat(sandbox.log().split("Cannot compile " + refuse, -1)).as(sandbox.log()).hasSize(2);
        assertThat(sandbox.client.stats().callsWithoutCode()).isGreaterThanOrEqualTo(2);

        sandbox.install("grace@example.org", "refuse-77");
        deleteCompiledCode(refuse);
        assertThat(sandbox.run(refuse, call("grace@example.org", 2)).resultCode()).as("pushed again: compiled again")
            .isEqualTo(77);
    }

    /** Installed, then its code gone from the disk cache and from the workers, as on a node that never compiled it. */
    private static PluginDigest installedWithoutCode(String owner, String plugin) throws Exception {
        PluginDigest digest = sandbox.install(owner, plugin);
        deleteCompiledCode(digest);
        sandbox.forgetModule(digest);
        return digest;
    }

    private static void assertDeferredForMissingCode(Outcome outcome) {
        assertThat(outcome.failure()).hasValueSatisfying(failure -> {
            assertThat(failure.reason()).isEqualTo(PluginFailure.Reason.NOT_COMPILED);
            assertThat(failure.hostCaused()).isTrue();
        });
    }

    private static void deleteCompiledCode(PluginDigest plugin) throws IOException {
        try (Stream<Path> files = Files.walk(code)) {
            for (Path file : files.filter(path -> path.getFileName().toString().equals(plugin.hex() + ".code")).toList()) {
                Files.delete(file);
            }
        }
    }
}
