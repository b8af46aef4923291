;; Hostile: points its output outside the kernel memory.
(module
  (import "extism:host/env" "output_set" (func $output_set (param i64 i64)))
  (func (export "onEmail") (result i32)
    (call $output_set (i64.const 0x7fff0000) (i64.const 16))
    (i32.const 0))
)
