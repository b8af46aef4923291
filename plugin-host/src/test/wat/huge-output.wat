;; Hostile: tries to output 100 MB; when the kernel refuses that much memory, outputs 1 MiB instead.
(module
  (import "extism:host/env" "alloc" (func $alloc (param i64) (result i64)))
  (import "extism:host/env" "output_set" (func $output_set (param i64 i64)))
  (func (export "onEmail") (result i32)
    (local $length i64) (local $block i64)
    (local.set $length (i64.const 100000000))
    (local.set $block (call $alloc (local.get $length)))
    (if (i64.eqz (local.get $block))
      (then
        (local.set $length (i64.const 1048576))
        (local.set $block (call $alloc (local.get $length)))))
    (call $output_set (local.get $block) (local.get $length))
    (i32.const 0))
)
