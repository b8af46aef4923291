package org.hackablemail.core.trace;

import java.util.List;

/**
 * Entries of a trace, oldest first.
 *
 * @param more whether more entries match beyond this page: older ones for a page read without {@code after}
 *             (ask again with {@code before} the first id), newer ones for a page read with it (ask again with
 *             {@code after} the last id)
 */
public record TracePage(List<TraceEntry> entries, boolean more) {
    public static final TracePage EMPTY = new TracePage(List.of(), false);

    public TracePage {
        entries = List.copyOf(entries);
    }
}
