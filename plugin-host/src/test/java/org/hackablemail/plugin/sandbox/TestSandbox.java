package org.hackablemail.plugin.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import org.hackablemail.plugin.PluginDigest;
import org.hackablemail.plugin.host.EmailCall;
import org.hackablemail.plugin.host.Outcome;
import org.hackablemail.plugin.host.PluginRejectedException;
import org.hackablemail.plugin.host.SandboxLimits;
import org.hackablemail.plugin.host.VariableReader;

/**
 * A sandbox client on real worker processes for tests, with the host's test plugins: its workers' log kept (shown when
 * an assertion fails), the modules it installed known as its plugin source, owners' variables committed in memory.
 * Behaviour, not speed: generous waits, so that a loaded machine cannot fail a test by being slow.
 */
final class TestSandbox implements AutoCloseable {
    /** A call timeout no well-behaved call reaches even on a loaded machine; tests of timeouts set their own. */
    static final Duration PATIENT = Duration.ofSeconds(30);

    private final List<String> log = new ArrayList<>();
    private final Map<PluginDigest, byte[]> modules = new ConcurrentHashMap<>();
    private final Map<String, Map<String, byte[]>> variables = new ConcurrentHashMap<>();
    final SandboxClient client;

    TestSandbox(Path codeDirectory, UnaryOperator<SandboxSettings.Builder> settings) throws InterruptedException {
        client = new SandboxClient(settings.apply(SandboxSettings.builder(codeDirectory)
                .limits(SandboxLimits.builder().callTimeout(PATIENT).build())
                .killGrace(Duration.ofSeconds(2))
                .mailWorkers(1)
                .queueWait(Duration.ofSeconds(60))
                .startTimeout(Duration.ofMinutes(2)))
            .build(), digest -> Optional.ofNullable(modules.get(digest)), this::log);
        if (!client.awaitReady(Duration.ofMinutes(3))) {
            throw new IllegalStateException("The sandbox workers did not start: " + log());
        }
    }

    PluginDigest install(String owner, String plugin) throws PluginRejectedException {
        return install(owner, wasm(plugin));
    }

    PluginDigest install(String owner, byte[] wasm) throws PluginRejectedException {
        PluginDigest digest = client.install(owner, wasm, true);
        modules.put(digest, wasm);
        return digest;
    }

    /** The plugin source loses the module, as a store that lost it would: its code cannot be compiled again. */
    void forgetModule(PluginDigest plugin) {
        modules.remove(plugin);
    }

    /** The plugin source gives other bytes for the module, as a damaged store would. */
    void damageModule(PluginDigest plugin, byte[] otherBytes) {
        modules.put(plugin, otherBytes);
    }

    /** Runs one call and, when it succeeded, commits its variable writes for the owner. */
    Outcome run(PluginDigest plugin, EmailCall call) {
        Map<String, byte[]> owned = variables.computeIfAbsent(call.owner(), any -> new ConcurrentHashMap<>());
        Outcome outcome = client.onEmail(plugin, call, reader(call.owner()));
        if (outcome.succeeded()) {
            outcome.variableWrites().forEach((name, value) -> value.ifPresentOrElse(bytes -> owned.put(name, bytes),
                () -> owned.remove(name)));
        }
        return outcome;
    }

    VariableReader reader(String owner) {
        return name -> Optional.ofNullable(variables.getOrDefault(owner, Map.of()).get(name));
    }

    Optional<byte[]> variable(String owner, String name) {
        return Optional.ofNullable(variables.getOrDefault(owner, Map.of()).get(name));
    }

    /** The worker process a lane runs on now. */
    long pid(String lane) {
        return client.workers().stream().filter(worker -> worker.lane().equals(lane)).findFirst()
            .orElseThrow(() -> new IllegalStateException("No worker on " + lane + " now")).pid();
    }

    /** Waits until the lane runs on another process than {@code pid}. */
    long awaitReplacement(String lane, long pid) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Long> current = client.workers().stream().filter(worker -> worker.lane().equals(lane))
                .map(SandboxClient.WorkerStatus::pid).findFirst();
            if (current.isPresent() && current.get() != pid) {
                return current.get();
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException(lane + " still runs on " + pid + ": " + log());
    }

    synchronized String log() {
        return String.join("\n", log);
    }

    private synchronized void log(String line) {
        log.add(line);
    }

    @Override
    public void close() {
        client.close();
    }

    static EmailCall call(String owner, int number) {
        return new EmailCall(owner, Integer.toString(number).getBytes(StandardCharsets.UTF_8), Map.of(), true);
    }

    static byte[] wasm(String name) {
        try (InputStream in = TestSandbox.class.getResourceAsStream("/plugins/" + name + ".wasm")) {
            if (in == null) {
                throw new IllegalArgumentException("No test plugin " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
