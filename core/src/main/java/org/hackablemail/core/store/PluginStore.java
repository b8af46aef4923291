package org.hackablemail.core.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hackablemail.core.Owner;
import org.hackablemail.plugin.PluginDigest;
import org.hackablemail.plugin.simulation.SimulationReport;

/**
 * Plugins by owner. Modules are stored once per SHA-256 digest and may be shared by owners; each owner has numbered
 * versions, at most one of them active, and a configuration. The store does not validate modules: the plugin host
 * does, before a push.
 *
 * <p>Retention: a store keeps an owner's last {@code keepVersions} versions (by number, a setting of the store) plus the
 * active one; a push that goes beyond forgets the oldest. A module no version of any owner refers to any more is
 * deleted; a module that some owner pushes while another owner's last reference to it goes away is never lost.
 *
 * <p>Many nodes may use one store at once: two pushes for one owner at the same moment get two distinct version
 * numbers, and neither is lost. Reads see every write that completed before them (on any node).
 *
 * <p>Outages surface as {@link StorageUnavailableException}.
 */
public interface PluginStore {

    /**
     * Stores the module, with the report of the simulations it passed (null when pushed without), as the owner's new
     * version, numbered one above the owner's highest, and makes it active.
     */
    PluginVersion push(Owner owner, byte[] wasm, String pushedBy, SimulationReport simulations);

    Optional<PluginVersion> active(Owner owner);

    /** The owner's versions still kept, oldest first. */
    List<PluginVersion> history(Owner owner);

    /**
     * Makes one of the owner's versions active: a rollback, or a roll forward.
     *
     * @throws IllegalArgumentException when the owner has no such version (any more)
     */
    PluginVersion activate(Owner owner, int version);

    /** Leaves the owner without an active plugin; the versions stay. */
    void deactivate(Owner owner);

    /**
     * The module with this digest, as pushed; empty when no version refers to it.
     *
     * @throws IllegalStateException when the stored copy is damaged: its bytes do not match the digest
     */
    Optional<byte[]> module(PluginDigest digest);

    /** What the owner's plugin reads with {@code config_get}; empty when nothing was set. */
    Map<String, String> config(Owner owner);

    /** Replaces the owner's plugin configuration. */
    void setConfig(Owner owner, Map<String, String> config);

    /**
     * Forgets the owner's versions and configuration, and the modules no one else refers to: the owner is as if they
     * had never pushed, and nothing of theirs is left in the store.
     *
     * @return false when the owner had neither a version nor a configuration
     */
    boolean delete(Owner owner);

    /** The owners with a version or a configuration, in no particular order. */
    List<Owner> owners();
}
