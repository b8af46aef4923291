#!/bin/sh
# Hostile: 1,000 tables, each growable to 100,000 elements: some 800 MB of JVM heap if each table is capped alone.
tables=${1:-1000}
echo '(module'
i=0
while [ "$i" -lt "$tables" ]; do
    echo "  (table \$t$i 0 100000 funcref)"
    i=$((i + 1))
done
echo '  (func (export "onEmail") (result i32)'
i=0
while [ "$i" -lt "$tables" ]; do
    echo "    (drop (table.grow \$t$i (ref.null func) (i32.const 100000)))"
    i=$((i + 1))
done
echo '    (i32.const 0))'
echo ')'
