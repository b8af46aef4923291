package org.hackablemail.core.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hackablemail.core.Owner;
import org.hackablemail.plugin.PluginDigest;
import org.hackablemail.plugin.simulation.SimulationReport;

/**
 * Plugins by owner: modules are stored once per SHA-256 digest; each owner has a history of versions, at most one
 * of them active. The store does not validate modules: install them in the plugin host first.
 *
 * <p>Storage failures surface as {@link java.io.UncheckedIOException}.
 */
public interface PluginStore {

    /** Stores the module and makes it the owner's new, active version. */
    default PluginVersion push(Owner owner, byte[] wasm, String pushedBy) {
        return push(owner, wasm, pushedBy, null);
    }

    /** Stores the module, with the report of the simulations it passed, as the owner's new, active version. */
    PluginVersion push(Owner owner, byte[] wasm, String pushedBy, SimulationReport simulations);

    Optional<PluginVersion> active(Owner owner);

    /** Every version the owner pushed, oldest first. */
    List<PluginVersion> history(Owner owner);

    /**
     * Makes an earlier version active again: a rollback.
     *
     * @throws IllegalArgumentException when the owner has no such version
     */
    PluginVersion activate(Owner owner, int version);

    /** Leaves the owner without an active plugin; the history stays. */
    void deactivate(Owner owner);

    /** The module with this digest, as pushed. */
    Optional<byte[]> read(PluginDigest digest);

    /** What the owner's plugin reads with {@code config_get}; empty when nothing was set. */
    Map<String, String> config(Owner owner);

    /** Replaces the owner's plugin configuration. */
    void setConfig(Owner owner, Map<String, String> config);

    /** Forgets the owner's versions and configuration: the owner is as if they had never pushed. */
    void delete(Owner owner);

    /** The owners who have pushed a plugin or set a configuration, in no particular order. */
    List<Owner> owners();
}
