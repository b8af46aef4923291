;; Hostile: grows its first table to the whole budget of table elements, then asks one more element of its second
;; table. Outputs 1 when that second growth was granted (the budget is per table, not per instance), else 0.
(module
  (import "extism:host/env" "alloc" (func $alloc (param i64) (result i64)))
  (import "extism:host/env" "store_u8" (func $store_u8 (param i64 i32)))
  (import "extism:host/env" "output_set" (func $output_set (param i64 i64)))
  (table $first 0 100000 funcref)
  (table $second 0 100000 funcref)
  (func (export "onEmail") (result i32)
    (local $out i64)
    (drop (table.grow $first (ref.null func) (i32.const 100000)))
    (local.set $out (call $alloc (i64.const 1)))
    (call $store_u8 (local.get $out)
      (select (i32.const 48) (i32.const 49)
        (i32.eq (table.grow $second (ref.null func) (i32.const 1)) (i32.const -1))))
    (call $output_set (local.get $out) (i64.const 1))
    (i32.const 0))
)
