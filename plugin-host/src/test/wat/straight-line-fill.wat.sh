#!/bin/sh
# Hostile: no loop and no call, so nothing Chicory checks for interruption; 6,000 memory.fill of 128 MiB, some 800 GB
# of writes, keep its thread busy for a minute or more. Only killing its worker stops it. The memory is larger than
# any processor cache, so that the run is bound by memory bandwidth on every machine (16 MiB fills ran from a large
# cache in under 3 s somewhere). (Some 7,000 fills is as many as one JVM method holds: with no interpreter fallback,
# this is about the longest run a plugin can make without a check for interruption.) Needs a 128 MiB memory cap.
fills=${1:-6000}
cat <<'HEAD'
(module
  (import "extism:host/env" "alloc" (func $alloc (param i64) (result i64)))
  (import "extism:host/env" "store_u8" (func $store_u8 (param i64 i32)))
  (import "extism:host/env" "output_set" (func $output_set (param i64 i64)))
  (memory 2048)
  (func (export "onEmail") (result i32)
    (local $out i64)
HEAD
i=0
while [ "$i" -lt "$fills" ]; do
    echo "    (memory.fill (i32.const 0) (i32.const $((i % 251))) (i32.const 134217728))"
    i=$((i + 1))
done
cat <<'TAIL'
    (local.set $out (call $alloc (i64.const 1)))
    (call $store_u8 (local.get $out) (i32.const 48))
    (call $output_set (local.get $out) (i64.const 1))
    (i32.const 0))
)
TAIL
