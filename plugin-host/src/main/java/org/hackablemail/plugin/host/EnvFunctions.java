package org.hackablemail.plugin.host;

import static com.dylibso.chicory.wasm.types.ValType.I32;
import static com.dylibso.chicory.wasm.types.ValType.I64;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.WasmFunctionHandle;
import com.dylibso.chicory.wasm.types.FunctionType;

/**
 * The {@code extism:host/env} functions that the kernel does not implement: configuration, variables, logs
 * and HTTP, which is denied. Strings travel as kernel handles. Variables are the running call's
 * ({@link CallVariables}): read through its reader, written into its effects.
 */
final class EnvFunctions {
    private static final FunctionType HANDLE_TO_HANDLE = FunctionType.of(List.of(I64), List.of(I64));
    private static final FunctionType TAKES_HANDLE = FunctionType.accepting(I64);
    private static final long ABSENT = 0;
    private static final long[] NOTHING = null;

    private final KernelInstance kernel;
    private final CallSlot slot;

    EnvFunctions(KernelInstance kernel, CallSlot slot) {
        this.kernel = kernel;
        this.slot = slot;
    }

    List<HostFunction> functions() {
        List<HostFunction> functions = new ArrayList<>();
        functions.add(env("config_get", HANDLE_TO_HANDLE, (instance, args) -> handle(configGet(args[0]))));
        functions.add(env("var_get", HANDLE_TO_HANDLE, (instance, args) -> handle(varGet(args[0]))));
        functions.add(env("var_set", FunctionType.of(List.of(I64, I64), List.of()), (instance, args) -> {
            varSet(args[0], args[1]);
            return NOTHING;
        }));
        for (LogEntry.Level level : LogEntry.Level.values()) {
            functions.add(env("log_" + level.name().toLowerCase(Locale.ROOT), TAKES_HANDLE,
                (instance, args) -> {
                    slot.current().effects().log(level, string(args[0]));
                    return NOTHING;
                }));
        }
        // PDKs skip formatting the lines below this level.
        functions.add(env("get_log_level", FunctionType.returning(I32),
            (instance, args) -> new long[] {LogEntry.Level.INFO.ordinal()}));
        functions.add(env("http_request", FunctionType.of(List.of(I64, I64), List.of(I64)), (instance, args) -> {
            throw new SandboxViolation(PluginFailure.Reason.DENIED, "HTTP is denied to plugins");
        }));
        functions.add(env("http_status_code", FunctionType.returning(I32), (instance, args) -> new long[] {0}));
        functions.add(env("http_headers", FunctionType.returning(I64), (instance, args) -> new long[] {ABSENT}));
        return functions;
    }

    private long configGet(long key) {
        String value = slot.current().call().config().get(string(key));
        return value == null ? ABSENT : kernel.store(value.getBytes(StandardCharsets.UTF_8));
    }

    private long varGet(long key) {
        return slot.current().variables().get(string(key)).map(kernel::store).orElse(ABSENT);
    }

    /** A zero value handle removes the variable, as in the Extism runtime. */
    private void varSet(long key, long value) {
        slot.current().variables().set(string(key),
            value == ABSENT ? Optional.empty() : Optional.of(kernel.read(value)));
    }

    private String string(long handle) {
        return new String(kernel.read(handle), StandardCharsets.UTF_8);
    }

    private static long[] handle(long handle) {
        return new long[] {handle};
    }

    private static HostFunction env(String name, FunctionType type, WasmFunctionHandle body) {
        return new HostFunction(HostInterface.ENV, name, type, body);
    }
}
