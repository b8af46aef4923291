package org.hackablemail.plugin.host;

import org.hackablemail.plugin.PluginDigest;

/**
 * Where plugins are validated, compiled and run. James uses the sandbox worker client
 * ({@code org.hackablemail.plugin.sandbox.SandboxClient}), which runs them in worker processes; the worker itself,
 * the command-line tool and tests use the in-process {@link PluginHost}. A call never throws because of a plugin:
 * whatever happened is in its {@link Outcome}.
 */
public interface PluginSandbox extends AutoCloseable {

    /**
     * Validates and compiles a module; the compiled code is kept for the calls to come.
     *
     * @param owner whose share of the sandbox pays for the compilation
     * @param persist true for a module that will serve mail (a push): its compiled code is kept on disk; false for a
     *     trial (a test run), which must not displace other owners' code
     * @return the digest by which calls name the plugin
     * @throws PluginRejectedException with the reason, fit to show to the plugin's author
     * @throws SandboxBusyException when the owner's share is spent or no worker could take it in time
     */
    PluginDigest install(String owner, byte[] wasm, boolean persist) throws PluginRejectedException;

    /** Runs the plugin's {@code onEmail} for one message and one owner, reading the owner's variables. */
    Outcome onEmail(PluginDigest plugin, EmailCall call, VariableReader variables);

    /**
     * Runs one call as a rehearsal, as production would run it: on a new instance, first a warm-up call whose
     * effects are dropped, then the measured call on that now warm instance, both with variables that start empty
     * and up to the simulation timeout, so that a slow plugin's time can be told (judging it against the call
     * timeout is the caller's business). Nothing the owner's real calls keep is read or changed; the instance is
     * discarded after.
     *
     * @return the measured call's outcome and time (from the start of the plugin's run); the warm-up's, if it failed
     */
    SimulatedCall simulate(PluginDigest plugin, EmailCall call);

    @Override
    void close();
}
