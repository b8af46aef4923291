;; Hostile: traps at once.
(module
  (func (export "onEmail") (result i32) unreachable)
)
