package org.hackablemail.plugin.host;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.dylibso.chicory.runtime.ImportFunction;
import com.dylibso.chicory.wasm.types.FunctionType;

/**
 * The names and types of every function the host offers to plugins, taken from the functions it actually links:
 * validation accepts exactly what instantiation provides.
 */
final class HostInterface {
    static final String ENV = "extism:host/env";
    static final String USER = "extism:host/user";

    private final Map<String, FunctionType> types;

    private HostInterface(Map<String, FunctionType> types) {
        this.types = types;
    }

    static HostInterface of(Collection<? extends ImportFunction> functions) {
        return new HostInterface(functions.stream()
            .collect(Collectors.toUnmodifiableMap(function -> key(function.module(), function.name()),
                ImportFunction::functionType)));
    }

    Optional<FunctionType> type(String module, String name) {
        return Optional.ofNullable(types.get(key(module, name)));
    }

    private static String key(String module, String name) {
        return module + "::" + name;
    }
}
