;; Invalid: wants to open files.
(module
  (import "wasi_snapshot_preview1" "path_open"
    (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
  (func (export "onEmail") (result i32) (i32.const 0))
)
