package org.hackablemail.plugin.host;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;

/**
 * The part of WASI preview 1 that PDK-built plugins link against: no file system (no preopened directory, no
 * path functions), no environment, no arguments, no clock (plugins get the time in their input), no sockets.
 * Standard output and error become log lines; exiting ends the call as a trap.
 */
final class WasiFunctions {
    private static final Set<String> PROVIDED = Set.of(
        "args_get", "args_sizes_get", "environ_get", "environ_sizes_get",
        "fd_close", "fd_fdstat_get", "fd_prestat_get", "fd_prestat_dir_name", "fd_read", "fd_seek", "fd_write",
        "proc_exit", "random_get", "sched_yield");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CallSlot slot;

    WasiFunctions(CallSlot slot) {
        this.slot = slot;
    }

    List<HostFunction> functions() {
        WasiPreview1 wasi = WasiPreview1.builder()
            .withOptions(WasiOptions.builder()
                .withRandom(RANDOM)
                .withStdout(new LogStream(LogEntry.Level.INFO))
                .withStderr(new LogStream(LogEntry.Level.ERROR))
                .build())
            .build();
        return Arrays.stream(wasi.toHostFunctions())
            .filter(function -> PROVIDED.contains(function.name()))
            .collect(Collectors.toList());
    }

    /** Turns each write to a standard stream into a log line of the running call. */
    private final class LogStream extends OutputStream {
        private final LogEntry.Level level;

        LogStream(LogEntry.Level level) {
            this.level = level;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            String text = new String(bytes, offset, length, StandardCharsets.UTF_8).stripTrailing();
            if (!text.isEmpty()) {
                slot.current().effects().log(level, text);
            }
        }
    }
}
