package org.hackablemail.plugin.host;

import java.util.Optional;

/**
 * Where a call reads its owner's Extism variables ({@code var_get}) from: the owner's store, as it was when the call
 * started. Writes ({@code var_set}) never go here: the call buffers them and returns them in its {@link Outcome},
 * for the caller to commit only if the call succeeded. Called on the thread that runs the plugin, within the call's
 * timeout: implementations must be quick, and serve each name the value of one and the same version of the store.
 */
@FunctionalInterface
public interface VariableReader {
    /** For calls whose variables start empty: simulations and tests. */
    VariableReader NONE = name -> Optional.empty();

    Optional<byte[]> read(String name);
}
