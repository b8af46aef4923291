package org.hackablemail.plugin.host;

import com.dylibso.chicory.runtime.TableFactory;
import com.dylibso.chicory.runtime.TableInstance;
import com.dylibso.chicory.wasm.types.Table;
import com.dylibso.chicory.wasm.types.TableLimits;

/**
 * Creates tables that cannot grow past a cap, so that {@code table.grow} cannot fill the JVM heap. Each instance
 * gets its own copy of the declared limits: Chicory grows a table by mutating its limits, which would otherwise
 * be shared by every instance of the module.
 */
final class CappedTables implements TableFactory {
    private final long maxElements;

    CappedTables(long maxElements) {
        this.maxElements = maxElements;
    }

    @Override
    public TableInstance create(Table declared, int initialValue) {
        TableLimits limits = declared.limits();
        Table capped = new Table(declared.elementType(),
            new TableLimits(limits.min(), Math.min(limits.max(), maxElements), limits.shared()),
            declared.initialize());
        return new TableInstance(capped, initialValue);
    }
}
