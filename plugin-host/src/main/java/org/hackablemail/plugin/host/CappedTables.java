package org.hackablemail.plugin.host;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.TableFactory;
import com.dylibso.chicory.runtime.TableInstance;
import com.dylibso.chicory.wasm.types.Table;
import com.dylibso.chicory.wasm.types.TableLimits;

/**
 * Creates the tables of one instance, all drawing on one budget of elements, so that {@code table.grow} cannot fill
 * the JVM heap however many tables there are: past the budget, {@code table.grow} returns -1. Validation refuses a
 * module whose tables start larger than the budget. Each table gets its own copy of the declared limits: Chicory
 * grows a table by mutating its limits, which would otherwise be shared by every instance of the module.
 */
final class CappedTables implements TableFactory {
    private long remainingElements;

    /** One factory per instance: the budget is that instance's. */
    CappedTables(long maxElements) {
        this.remainingElements = maxElements;
    }

    @Override
    public TableInstance create(Table declared, int initialValue) {
        TableLimits limits = declared.limits();
        remainingElements -= limits.min();
        Table copy = new Table(declared.elementType(), new TableLimits(limits.min(), limits.max(), limits.shared()),
            declared.initialize());
        return new BudgetedTable(copy, initialValue);
    }

    /** Tables grow on the thread that runs the instance's one call at a time: no synchronization needed. */
    private final class BudgetedTable extends TableInstance {
        BudgetedTable(Table table, int initialValue) {
            super(table, initialValue);
        }

        @Override
        public int grow(int size, int value, Instance instance) {
            if (size > remainingElements) {
                return -1;
            }
            int previousSize = super.grow(size, value, instance);
            if (previousSize >= 0) {
                remainingElements -= size;
            }
            return previousSize;
        }
    }
}
