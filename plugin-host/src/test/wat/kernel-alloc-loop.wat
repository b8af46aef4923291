;; Hostile: allocates 1 MiB blocks in the Extism kernel forever.
(module
  (import "extism:host/env" "alloc" (func $alloc (param i64) (result i64)))
  (func (export "onEmail") (result i32)
    (loop $allocate
      (drop (call $alloc (i64.const 1048576)))
      (br $allocate))
    (i32.const 0))
)
