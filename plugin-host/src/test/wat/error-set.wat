;; Fails the Extism way: sets an error message and returns 1.
(module
  (import "extism:host/env" "alloc" (func $alloc (param i64) (result i64)))
  (import "extism:host/env" "store_u64" (func $store_u64 (param i64 i64)))
  (import "extism:host/env" "error_set" (func $error_set (param i64)))
  (func (export "onEmail") (result i32)
    (local $message i64)
    (local.set $message (call $alloc (i64.const 4)))
    (call $store_u64 (local.get $message) (i64.const 0x73706f6f)) ;; "oops"
    (call $error_set (local.get $message))
    (i32.const 1))
)
