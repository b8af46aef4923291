#!/bin/sh
# Hostile: one function with 49,000 locals in a module of some 70 bytes. Too big for one JVM method, it used to fall
# back to Chicory's interpreter, whose frames live on the JVM heap (262 MiB in a second).
locals=${1:-49000}
echo '(module'
echo '  (func (export "onEmail") (result i32)'
printf '    (local'
i=0
while [ "$i" -lt "$locals" ]; do
    printf ' i64'
    i=$((i + 1))
done
echo ')'
echo '    (i32.const 0))'
echo ')'
