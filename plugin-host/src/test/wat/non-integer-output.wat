;; Hostile: outputs "hello", not a JSON integer.
(module
  (import "extism:host/env" "alloc" (func $alloc (param i64) (result i64)))
  (import "extism:host/env" "store_u64" (func $store_u64 (param i64 i64)))
  (import "extism:host/env" "output_set" (func $output_set (param i64 i64)))
  (func (export "onEmail") (result i32)
    (local $out i64)
    (local.set $out (call $alloc (i64.const 8)))
    (call $store_u64 (local.get $out) (i64.const 0x6f6c6c6568)) ;; "hello", little-endian
    (call $output_set (local.get $out) (i64.const 5))
    (i32.const 0))
)
