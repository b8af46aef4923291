#!/bin/sh
# Hostile: many functions of long straight-line arithmetic, cheap to write, costly to compile to JVM bytecode.
# Arguments: functions, then additions per function (each some 6 bytes of Wasm).
functions=${1:-40}
additions=${2:-1500}
echo '(module'
echo '  (func (export "onEmail") (result i32) (i32.const 0))'
f=0
while [ "$f" -lt "$functions" ]; do
    echo "  (func \$f$f (param \$x i32) (result i32)"
    a=0
    while [ "$a" -lt "$additions" ]; do
        echo "    (local.set \$x (i32.add (local.get \$x) (i32.const $((a * 7919 % 100003)))))"
        a=$((a + 1))
    done
    echo '    (local.get $x))'
    f=$((f + 1))
done
echo ')'
