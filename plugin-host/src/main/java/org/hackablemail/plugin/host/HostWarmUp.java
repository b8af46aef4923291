package org.hackablemail.plugin.host;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import org.hackablemail.plugin.PluginDigest;
import org.hackablemail.plugin.email.EmailJson;
import org.hackablemail.plugin.email.IncomingEmail;

/**
 * Runs a tiny built-in plugin (the host's {@code deliver-input} test plugin) a few hundred times, so that the first
 * real calls after a start do not spend their time budget on class loading and JIT compilation of the host and the
 * Chicory runtime: in a cold JVM a first call takes some 200 ms, a warm one well under a millisecond. Its compiled code
 * is kept like a plugin's, so that the next worker to start loads it rather than compiling it.
 */
public final class HostWarmUp {
    private static final String MODULE = "warm-up.wasm";
    private static final String OWNER = "warm-up@localhost";
    private static final int CALLS = 300;

    private HostWarmUp() {
    }

    /** @return the calls that failed (none, unless the host itself is broken) */
    public static int run(PluginHost host) throws PluginRejectedException {
        PluginDigest plugin = host.installBuiltIn(module());
        byte[] input = EmailJson.toJson(IncomingEmail.of("sender@localhost", OWNER,
            Map.of("Subject", "Warm-up", "From", "sender@localhost"), "Warming up the plugin host."));
        // The first call in a cold JVM loads and compiles much of the host: as a simulation, under the longer timeout.
        int failures = host.simulate(plugin, new EmailCall(OWNER, input, Map.of(), false)).outcome().succeeded() ? 0 : 1;
        for (int call = 1; call < CALLS; call++) {
            if (!host.onEmail(plugin, new EmailCall(OWNER, input, Map.of(), false), VariableReader.NONE).succeeded()) {
                failures++;
            }
        }
        return failures;
    }

    private static byte[] module() {
        try (InputStream in = HostWarmUp.class.getResourceAsStream(MODULE)) {
            if (in == null) {
                throw new IllegalStateException(MODULE + " is missing from the plugin host's jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
