package org.hackablemail.plugin.host;

import org.hackablemail.plugin.PluginDigest;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The owners' variables for tests, as the caller of a sandbox keeps them: read through a {@link VariableReader}, and
 * changed only by committing the writes of a successful call.
 */
final class OwnerVariables {
    private final Map<String, Map<String, byte[]>> byOwner = new ConcurrentHashMap<>();

    VariableReader of(String owner) {
        return name -> get(owner, name);
    }

    Optional<byte[]> get(String owner, String name) {
        return Optional.ofNullable(byOwner.getOrDefault(owner, Map.of()).get(name));
    }

    /** Applies the call's writes if it succeeded; returns the outcome. */
    Outcome commit(String owner, Outcome outcome) {
        if (outcome.succeeded()) {
            Map<String, byte[]> vars = byOwner.computeIfAbsent(owner, any -> new ConcurrentHashMap<>());
            outcome.variableWrites().forEach((name, value) -> value.ifPresentOrElse(
                bytes -> vars.put(name, bytes), () -> vars.remove(name)));
        }
        return outcome;
    }

    /** Runs one call of the owner's plugin and commits its writes. */
    Outcome run(PluginSandbox sandbox, PluginDigest plugin, EmailCall call) {
        return commit(call.owner(), sandbox.onEmail(plugin, call, of(call.owner())));
    }
}
