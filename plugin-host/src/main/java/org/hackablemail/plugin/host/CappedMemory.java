package org.hackablemail.plugin.host;

import java.util.function.Function;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.types.MemoryLimits;

/**
 * Creates linear memories that cannot grow past a cap, whatever maximum the module declares: beyond it,
 * {@code memory.grow} returns -1. A module whose initial size exceeds the cap is refused at validation.
 */
final class CappedMemory implements Function<MemoryLimits, Memory> {
    private final int maxPages;

    CappedMemory(int maxPages) {
        this.maxPages = maxPages;
    }

    @Override
    public Memory apply(MemoryLimits declared) {
        return new ByteArrayMemory(new MemoryLimits(declared.initialPages(),
            Math.min(declared.maximumPages(), maxPages), declared.shared()));
    }
}
