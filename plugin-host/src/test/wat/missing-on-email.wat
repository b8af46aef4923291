;; Invalid: exports onMail, not onEmail.
(module
  (func (export "onMail") (result i32) (i32.const 0))
)
