package org.hackablemail.plugin.host;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Variables kept in memory only: they are lost at restart. */
public final class InMemoryVarStore implements VarStore {
    private final Map<String, Map<String, byte[]>> varsByOwner = new ConcurrentHashMap<>();

    @Override
    public Optional<byte[]> get(String owner, String name) {
        return Optional.ofNullable(varsByOwner.getOrDefault(owner, Map.of()).get(name)).map(byte[]::clone);
    }

    @Override
    public void put(String owner, String name, byte[] value) {
        varsByOwner.computeIfAbsent(owner, any -> new ConcurrentHashMap<>()).put(name, value.clone());
    }

    @Override
    public void remove(String owner, String name) {
        varsByOwner.computeIfPresent(owner, (any, vars) -> {
            vars.remove(name);
            return vars.isEmpty() ? null : vars;
        });
    }

    @Override
    public void removeAll(String owner) {
        varsByOwner.remove(owner);
    }
}
