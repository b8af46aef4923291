;; Hostile: replies twice; outputs the second reply's result.
;; Logs the "greeting" config value first, or nothing when it is not set.
(module
  (import "extism:host/env" "alloc" (func $alloc (param i64) (result i64)))
  (import "extism:host/env" "store_u8" (func $store_u8 (param i64 i32)))
  (import "extism:host/env" "length" (func $length (param i64) (result i64)))
  (import "extism:host/env" "output_set" (func $output_set (param i64 i64)))
  (import "extism:host/env" "config_get" (func $config_get (param i64) (result i64)))
  (import "extism:host/env" "log_warn" (func $log_warn (param i64)))
  (import "extism:host/user" "reply" (func $reply (param i64) (result i64)))
  (memory 1)
  (data (i32.const 0) "{\"subject\":\"Away\",\"body\":\"Back on Monday\"}")
  (data (i32.const 64) "greeting")

  (func $to_kernel (param $ptr i32) (param $len i32) (result i64)
    (local $block i64) (local $i i32)
    (local.set $block (call $alloc (i64.extend_i32_u (local.get $len))))
    (block $done
      (loop $copy
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (call $store_u8 (i64.add (local.get $block) (i64.extend_i32_u (local.get $i)))
          (i32.load8_u (i32.add (local.get $ptr) (local.get $i))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $copy)))
    (local.get $block))

  (func (export "onEmail") (result i32)
    (local $greeting i64) (local $second i64)
    (local.set $greeting (call $config_get (call $to_kernel (i32.const 64) (i32.const 8))))
    (if (i64.ne (local.get $greeting) (i64.const 0))
      (then (call $log_warn (local.get $greeting))))
    (drop (call $reply (call $to_kernel (i32.const 0) (i32.const 42))))
    (local.set $second (call $reply (call $to_kernel (i32.const 0) (i32.const 42))))
    (call $output_set (local.get $second) (call $length (local.get $second)))
    (i32.const 0))
)
