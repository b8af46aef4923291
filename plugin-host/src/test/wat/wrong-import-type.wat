;; Invalid: imports deliver with the wrong type.
(module
  (import "extism:host/user" "deliver" (func $deliver (param i32) (result i32)))
  (func (export "onEmail") (result i32) (i32.const 0))
)
