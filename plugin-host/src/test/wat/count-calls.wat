;; Counts its calls in the Extism variable "n" (8 bytes, little-endian) and outputs the count.
(module
  (import "extism:host/env" "alloc" (func $alloc (param i64) (result i64)))
  (import "extism:host/env" "store_u8" (func $store_u8 (param i64 i32)))
  (import "extism:host/env" "load_u64" (func $load_u64 (param i64) (result i64)))
  (import "extism:host/env" "store_u64" (func $store_u64 (param i64 i64)))
  (import "extism:host/env" "var_get" (func $var_get (param i64) (result i64)))
  (import "extism:host/env" "var_set" (func $var_set (param i64 i64)))
  (import "extism:host/env" "output_set" (func $output_set (param i64 i64)))

  (func (export "onEmail") (result i32)
    (local $name i64) (local $value i64) (local $count i64)
    (local.set $name (call $alloc (i64.const 1)))
    (call $store_u8 (local.get $name) (i32.const 110)) ;; "n"
    (local.set $value (call $var_get (local.get $name)))
    (if (i64.ne (local.get $value) (i64.const 0))
      (then (local.set $count (call $load_u64 (local.get $value)))))
    (local.set $count (i64.add (local.get $count) (i64.const 1)))
    (local.set $value (call $alloc (i64.const 8)))
    (call $store_u64 (local.get $value) (local.get $count))
    (call $var_set (local.get $name) (local.get $value))
    (call $output_decimal (local.get $count))
    (i32.const 0))

  ;; Writes the digits of $n, most significant first, into a new block and makes it the output.
  (func $output_decimal (param $n i64)
    (local $digits i64) (local $rest i64) (local $out i64) (local $i i64)
    (local.set $rest (local.get $n))
    (loop $count_digits
      (local.set $digits (i64.add (local.get $digits) (i64.const 1)))
      (local.set $rest (i64.div_u (local.get $rest) (i64.const 10)))
      (br_if $count_digits (i64.ne (local.get $rest) (i64.const 0))))
    (local.set $out (call $alloc (local.get $digits)))
    (local.set $i (local.get $digits))
    (loop $write_digits
      (local.set $i (i64.sub (local.get $i) (i64.const 1)))
      (call $store_u8 (i64.add (local.get $out) (local.get $i))
        (i32.add (i32.const 48) (i32.wrap_i64 (i64.rem_u (local.get $n) (i64.const 10)))))
      (local.set $n (i64.div_u (local.get $n) (i64.const 10)))
      (br_if $write_digits (i64.ne (local.get $i) (i64.const 0))))
    (call $output_set (local.get $out) (local.get $digits)))
)
