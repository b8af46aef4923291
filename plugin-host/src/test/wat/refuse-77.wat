;; Returns 77 without delivering: the message bounces with code 77.
(module
  (import "extism:host/env" "alloc" (func $alloc (param i64) (result i64)))
  (import "extism:host/env" "store_u8" (func $store_u8 (param i64 i32)))
  (import "extism:host/env" "output_set" (func $output_set (param i64 i64)))

  (func (export "onEmail") (result i32)
    (local $out i64)
    (local.set $out (call $alloc (i64.const 2)))
    (call $store_u8 (i64.add (local.get $out) (i64.const 0)) (i32.const 55))
    (call $store_u8 (i64.add (local.get $out) (i64.const 1)) (i32.const 55))
    (call $output_set (local.get $out) (i64.const 2))
    (i32.const 0))
)
