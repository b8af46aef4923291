;; Invalid: onEmail takes a parameter.
(module
  (func (export "onEmail") (param i32) (result i32) (local.get 0))
)
