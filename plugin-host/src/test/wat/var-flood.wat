;; Hostile: writes ever more variables of 64 KiB under distinct names, as outsiders could make a careless plugin do
;; by sending it mail. The call's writes are capped, and nothing of a failed call is kept.
(module
  (import "extism:host/env" "alloc" (func $alloc (param i64) (result i64)))
  (import "extism:host/env" "store_u64" (func $store_u64 (param i64 i64)))
  (import "extism:host/env" "var_set" (func $var_set (param i64 i64)))
  (func (export "onEmail") (result i32)
    (local $i i64) (local $name i64) (local $value i64)
    (local.set $value (call $alloc (i64.const 65536)))
    (loop $write
      (local.set $name (call $alloc (i64.const 8)))
      (call $store_u64 (local.get $name) (local.get $i))
      (call $var_set (local.get $name) (local.get $value))
      (local.set $i (i64.add (local.get $i) (i64.const 1)))
      (br $write))
    (i32.const 0))
)
