;; Hostile: never returns.
(module
  (func (export "onEmail") (result i32)
    (loop $forever (br $forever))
    (i32.const 0))
)
