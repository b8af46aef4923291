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
     * Runs one call as a rehearsal: on a new instance, discarded after it, with variables that start empty. Nothing
     * the owner's real calls keep is read or changed.
     */
    Outcome simulate(PluginDigest plugin, EmailCall call);

    @Override
    void close();
}
