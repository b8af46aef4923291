;; Careless: works, but slowly. Spins through a loop of 1.2 billion rounds (from about 1 s to a few seconds on a warm
;; instance, depending on the machine and on how far the JIT got), then delivers its input unchanged like
;; deliver-input. The tests that use it hold it to a production timeout of 200 ms, which it exceeds on any machine,
;; and simulations must refuse it with its time.
(module
  (import "extism:host/env" "input_length" (func $input_length (result i64)))
  (import "extism:host/env" "input_load_u8" (func $input_load_u8 (param i64) (result i32)))
  (import "extism:host/env" "alloc" (func $alloc (param i64) (result i64)))
  (import "extism:host/env" "free" (func $free (param i64)))
  (import "extism:host/env" "store_u8" (func $store_u8 (param i64 i32)))
  (import "extism:host/env" "length" (func $length (param i64) (result i64)))
  (import "extism:host/env" "output_set" (func $output_set (param i64 i64)))
  (import "extism:host/env" "log_info" (func $log_info (param i64)))
  (import "extism:host/user" "deliver" (func $deliver (param i64) (result i64)))
  (memory (export "memory") 1)
  (data (i32.const 0) "delivering")

  ;; Copies len bytes of plugin memory at ptr into a new kernel block.
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
    (local $len i64) (local $input i64) (local $i i64) (local $result i64) (local $round i64)
    ;; The rounds write to memory, so that no compiler can drop the loop as useless.
    (loop $spin
      (i64.store (i32.const 64) (local.get $round))
      (local.set $round (i64.add (i64.load (i32.const 64)) (i64.const 1)))
      (br_if $spin (i64.lt_u (local.get $round) (i64.const 1200000000))))
    (call $log_info (call $to_kernel (i32.const 0) (i32.const 10)))
    ;; Copy the input into a kernel block and deliver it as it is.
    (local.set $len (call $input_length))
    (local.set $input (call $alloc (local.get $len)))
    (block $done
      (loop $copy
        (br_if $done (i64.ge_u (local.get $i) (local.get $len)))
        (call $store_u8 (i64.add (local.get $input) (local.get $i)) (call $input_load_u8 (local.get $i)))
        (local.set $i (i64.add (local.get $i) (i64.const 1)))
        (br $copy)))
    (local.set $result (call $deliver (local.get $input)))
    (call $free (local.get $input))
    ;; deliver's result is a JSON integer: pass it on as our own output.
    (call $output_set (local.get $result) (call $length (local.get $result)))
    (i32.const 0))
)
