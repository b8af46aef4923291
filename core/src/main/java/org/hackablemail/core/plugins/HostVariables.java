package org.hackablemail.core.plugins;

import java.util.Map;
import java.util.Optional;

import org.hackablemail.core.Owner;
import org.hackablemail.core.store.VariableQuotaExceededException;
import org.hackablemail.core.store.VariableStore;
import org.hackablemail.plugin.host.InMemoryVarStore;
import org.hackablemail.plugin.host.VarStore;

import com.dylibso.chicory.wasm.ChicoryException;

/**
 * The in-process plugin host's {@code var_get}/{@code var_set}, on the shared {@link VariableStore}, until plugin calls
 * return their variable writes as effects: each {@code var_set} is committed at once, on the version read just
 * before it. Simulations run under owner names of their own ({@code simulation-<n>:<owner>}, never an address James
 * accepts) whose variables stay in memory and are forgotten after the run.
 */
public final class HostVariables implements VarStore {
    private static final String REHEARSAL_PREFIX = "simulation-";
    /** Commits lose only to commits of the same owner in between: a few tries always suffice but under a flood. */
    private static final int MAX_TRIES = 16;

    private final VariableStore store;
    private final VarStore rehearsals = new InMemoryVarStore();

    public HostVariables(VariableStore store) {
        this.store = store;
    }

    @Override
    public Optional<byte[]> get(String owner, String name) {
        return isRehearsal(owner) ? rehearsals.get(owner, name) : store.get(Owner.of(owner), name);
    }

    @Override
    public void put(String owner, String name, byte[] value) {
        if (isRehearsal(owner)) {
            rehearsals.put(owner, name, value);
        } else {
            write(Owner.of(owner), name, Optional.of(value));
        }
    }

    @Override
    public void remove(String owner, String name) {
        if (isRehearsal(owner)) {
            rehearsals.remove(owner, name);
        } else {
            write(Owner.of(owner), name, Optional.empty());
        }
    }

    @Override
    public void removeAll(String owner) {
        if (isRehearsal(owner)) {
            rehearsals.removeAll(owner);
        } else {
            store.deleteAll(Owner.of(owner));
        }
    }

    private void write(Owner owner, String name, Optional<byte[]> value) {
        try {
            for (int tries = 0; tries < MAX_TRIES; tries++) {
                if (store.commit(owner, store.version(owner), Map.of(name, value))) {
                    return;
                }
            }
        } catch (VariableQuotaExceededException e) {
            // The host reports a ChicoryException as a trap of the plugin: the plugin's own failure, not the host's.
            throw new ChicoryException(e.getMessage());
        }
        throw new IllegalStateException("Cannot write variable '" + name + "' of " + owner + ": other writes kept "
            + "winning");
    }

    private static boolean isRehearsal(String owner) {
        return owner.startsWith(REHEARSAL_PREFIX);
    }
}
