package org.hackablemail.core.plugins;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.hackablemail.core.Owner;
import org.hackablemail.core.store.PluginStore;
import org.hackablemail.core.store.PluginVersion;
import org.hackablemail.core.store.StorageUnavailableException;
import org.hackablemail.plugin.PluginDigest;
import org.hackablemail.plugin.simulation.SimulationReport;

/** A real store behind a switch: while it is down, every call fails as a store outage does. */
final class OutagePluginStore implements PluginStore {
    private final PluginStore store;
    private volatile boolean down;

    OutagePluginStore(PluginStore store) {
        this.store = store;
    }

    void down(boolean down) {
        this.down = down;
    }

    private <T> T call(Supplier<T> operation) {
        if (down) {
            throw new StorageUnavailableException("The plugin store is down", new IOException("no route to host"));
        }
        return operation.get();
    }

    @Override
    public PluginVersion push(Owner owner, byte[] wasm, String pushedBy, SimulationReport simulations) {
        return call(() -> store.push(owner, wasm, pushedBy, simulations));
    }

    @Override
    public Optional<PluginVersion> active(Owner owner) {
        return call(() -> store.active(owner));
    }

    @Override
    public List<PluginVersion> history(Owner owner) {
        return call(() -> store.history(owner));
    }

    @Override
    public PluginVersion activate(Owner owner, int version) {
        return call(() -> store.activate(owner, version));
    }

    @Override
    public void deactivate(Owner owner) {
        call(() -> {
            store.deactivate(owner);
            return null;
        });
    }

    @Override
    public Optional<byte[]> module(PluginDigest digest) {
        return call(() -> store.module(digest));
    }

    @Override
    public Map<String, String> config(Owner owner) {
        return call(() -> store.config(owner));
    }

    @Override
    public void setConfig(Owner owner, Map<String, String> config) {
        call(() -> {
            store.setConfig(owner, config);
            return null;
        });
    }

    @Override
    public boolean delete(Owner owner) {
        return call(() -> store.delete(owner));
    }

    @Override
    public List<Owner> owners() {
        return call(store::owners);
    }
}
