package org.hackablemail.plugin.host;

import static com.dylibso.chicory.wasm.types.ValType.I64;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.hackablemail.plugin.email.EmailJson;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.wasm.types.FunctionType;

/**
 * {@code deliver} and {@code reply}, in {@code extism:host/user}: each takes a JSON handle and returns the
 * handle of a JSON integer, a sysexits code as in the XTP email demo. An accepted request is recorded in the
 * call's effects, for the caller to carry out after the call.
 */
final class EmailFunctions {
    static final int ACCEPTED = 0;
    /** EX_USAGE: the function was already called successfully in this call. */
    static final int ALREADY_DONE = 64;
    /** EX_DATAERR: the argument is not the expected JSON. */
    static final int BAD_ARGUMENT = 65;
    /** EX_TEMPFAIL: the mailbox cannot take the message now (only in simulations). */
    static final int UNAVAILABLE = 75;
    /** EX_NOPERM: replying to this message is not allowed (RFC 3834). */
    static final int NOT_ALLOWED = 77;

    private static final FunctionType HANDLE_TO_HANDLE = FunctionType.of(List.of(I64), List.of(I64));

    private final KernelInstance kernel;
    private final CallSlot slot;
    private final long maxArgumentBytes;

    /** @param maxArgumentBytes largest JSON accepted: it is kept in memory until the call is over */
    EmailFunctions(KernelInstance kernel, CallSlot slot, long maxArgumentBytes) {
        this.kernel = kernel;
        this.slot = slot;
        this.maxArgumentBytes = maxArgumentBytes;
    }

    List<HostFunction> functions() {
        return List.of(
            new HostFunction(HostInterface.USER, "deliver", HANDLE_TO_HANDLE,
                (instance, args) -> result(argument(args[0]).map(this::deliver).orElse(BAD_ARGUMENT))),
            new HostFunction(HostInterface.USER, "reply", HANDLE_TO_HANDLE,
                (instance, args) -> result(argument(args[0]).map(this::reply).orElse(BAD_ARGUMENT))));
    }

    private Optional<byte[]> argument(long handle) {
        long size = kernel.length(handle);
        if (size > maxArgumentBytes) {
            slot.current().effects().log(LogEntry.Level.WARN, "[the host refused an argument of " + size
                + " bytes, the limit is " + maxArgumentBytes + "]");
            return Optional.empty();
        }
        return Optional.of(kernel.read(handle));
    }

    private int deliver(byte[] json) {
        ActiveCall current = slot.current();
        if (!current.call().deliverAllowed()) {
            return UNAVAILABLE;
        }
        return parse(json, EmailJson::incomingEmail)
            .map(email -> current.effects().deliver(email, json) ? ACCEPTED : ALREADY_DONE)
            .orElse(BAD_ARGUMENT);
    }

    private int reply(byte[] json) {
        ActiveCall current = slot.current();
        if (!current.call().replyAllowed()) {
            return NOT_ALLOWED;
        }
        return parse(json, EmailJson::replyEmail)
            .filter(email -> email.body() != null)
            .map(email -> current.effects().reply(email) ? ACCEPTED : ALREADY_DONE)
            .orElse(BAD_ARGUMENT);
    }

    private static <T> Optional<T> parse(byte[] json, JsonReader<T> reader) {
        try {
            return Optional.ofNullable(reader.read(json));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @FunctionalInterface
    private interface JsonReader<T> {
        T read(byte[] json) throws IOException;
    }

    private long[] result(int code) {
        return new long[] {kernel.store(Integer.toString(code).getBytes(StandardCharsets.US_ASCII))};
    }
}
