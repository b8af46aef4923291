;; Hostile: delivers its input twice; outputs the second deliver's result.
(module
  (import "extism:host/env" "input_offset" (func $input_offset (result i64)))
  (import "extism:host/env" "length" (func $length (param i64) (result i64)))
  (import "extism:host/env" "output_set" (func $output_set (param i64 i64)))
  (import "extism:host/user" "deliver" (func $deliver (param i64) (result i64)))
  (func (export "onEmail") (result i32)
    (local $second i64)
    (drop (call $deliver (call $input_offset)))
    (local.set $second (call $deliver (call $input_offset)))
    (call $output_set (local.get $second) (call $length (local.get $second)))
    (i32.const 0))
)
