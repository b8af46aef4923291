;; Invalid under a 2-page cap: its memory starts at 3 pages.
(module
  (memory 3)
  (func (export "onEmail") (result i32) (i32.const 0))
)
