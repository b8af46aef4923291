package org.hackablemail.plugin.host;

import java.util.Optional;

/**
 * Where the Extism variables ({@code var_get}, {@code var_set}) of each owner's plugin live between calls.
 * Called from the threads that run plugins, within the call's timeout: implementations must be thread-safe
 * and quick.
 */
public interface VarStore {

    Optional<byte[]> get(String owner, String name);

    void put(String owner, String name, byte[] value);

    void remove(String owner, String name);

    /** Forgets every variable of the owner. */
    void removeAll(String owner);
}
