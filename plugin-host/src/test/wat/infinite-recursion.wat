;; Hostile: recurses until the stack is exhausted.
(module
  (func $deeper (param $depth i64) (result i64)
    (i64.add (call $deeper (i64.add (local.get $depth) (i64.const 1))) (i64.const 1)))
  (func (export "onEmail") (result i32)
    (i32.wrap_i64 (call $deeper (i64.const 0))))
)
