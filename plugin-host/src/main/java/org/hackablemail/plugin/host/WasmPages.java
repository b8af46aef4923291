package org.hackablemail.plugin.host;

/** Wasm linear memory is counted in 64 KiB pages. */
final class WasmPages {
    static final int PAGE_BYTES = 64 * 1024;
    static final long MAX_BYTES = 65_536L * PAGE_BYTES;

    private WasmPages() {
    }

    static int of(long bytes) {
        return Math.toIntExact(bytes / PAGE_BYTES);
    }
}
