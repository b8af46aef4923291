;; Reports what it saw: delivers the message with two header fields added, X-Seen-Attachments and
;; X-Seen-Problems, holding the "attachments" and "problems" arrays of its input as JSON text. Returns
;; deliver's code. The bad-mail end-to-end tests read these fields back over IMAP.
;;
;; The input is copied into memory eight bytes at a time. A key such as "attachments":[ can only occur as a
;; key: inside JSON strings quotes are escaped. The array's end is found by counting brackets outside strings.
(module
  (import "extism:host/env" "input_length" (func $input_length (result i64)))
  (import "extism:host/env" "input_load_u8" (func $input_load_u8 (param i64) (result i32)))
  (import "extism:host/env" "input_load_u64" (func $input_load_u64 (param i64) (result i64)))
  (import "extism:host/env" "alloc" (func $alloc (param i64) (result i64)))
  (import "extism:host/env" "store_u8" (func $store_u8 (param i64 i32)))
  (import "extism:host/env" "length" (func $length (param i64) (result i64)))
  (import "extism:host/env" "output_set" (func $output_set (param i64 i64)))
  (import "extism:host/user" "deliver" (func $deliver (param i64) (result i64)))
  ;; The output from 1 KiB (1 MiB of input escaped at most doubles), the input from 3 MiB: 5 MiB of pages.
  (memory (export "memory") 80)
  (data (i32.const 0) "\"attachments\":[")
  (data (i32.const 32) "\"problems\":[")
  (data (i32.const 64) "{\"headers\":{\"X-Seen-Attachments\":\"")
  (data (i32.const 128) "\",\"X-Seen-Problems\":\"")
  (data (i32.const 192) "\"}}")
  (global $out_start i32 (i32.const 1024))
  (global $input i32 (i32.const 0x300000))

  (func $byte (param $at i64) (result i32)
    (i32.load8_u (i32.add (global.get $input) (i32.wrap_i64 (local.get $at)))))

  ;; Copies the input to $input, eight bytes per host call, the last few one by one.
  (func $read_input (param $n i64)
    (local $at i64)
    (block $words_done
      (loop $words
        (br_if $words_done (i64.gt_u (i64.add (local.get $at) (i64.const 8)) (local.get $n)))
        (i64.store (i32.add (global.get $input) (i32.wrap_i64 (local.get $at))) (call $input_load_u64 (local.get $at)))
        (local.set $at (i64.add (local.get $at) (i64.const 8)))
        (br $words)))
    (block $done
      (loop $bytes
        (br_if $done (i64.ge_u (local.get $at) (local.get $n)))
        (i32.store8 (i32.add (global.get $input) (i32.wrap_i64 (local.get $at))) (call $input_load_u8 (local.get $at)))
        (local.set $at (i64.add (local.get $at) (i64.const 1)))
        (br $bytes))))

  ;; The offset in the input just after the first occurrence of the pattern, or -1.
  (func $find (param $pattern i32) (param $pattern_len i32) (param $n i64) (result i64)
    (local $at i64) (local $k i32)
    (block $not_found
      (loop $next_at
        (br_if $not_found (i64.gt_u (i64.add (local.get $at) (i64.extend_i32_u (local.get $pattern_len))) (local.get $n)))
        (local.set $k (i32.const 0))
        (block $mismatch
          (loop $compare
            (if (i32.eq (local.get $k) (local.get $pattern_len))
              (then (return (i64.add (local.get $at) (i64.extend_i32_u (local.get $pattern_len))))))
            (br_if $mismatch (i32.ne
              (call $byte (i64.add (local.get $at) (i64.extend_i32_u (local.get $k))))
              (i32.load8_u (i32.add (local.get $pattern) (local.get $k)))))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br $compare)))
        (local.set $at (i64.add (local.get $at) (i64.const 1)))
        (br $next_at)))
    (i64.const -1))

  ;; The offset just after the bracket closing the one before $start (depth 1 at $start), strings skipped.
  (func $array_end (param $start i64) (param $n i64) (result i64)
    (local $at i64) (local $b i32) (local $depth i32) (local $in_string i32) (local $escaped i32)
    (local.set $at (local.get $start))
    (local.set $depth (i32.const 1))
    (block $done
      (loop $scan
        (br_if $done (i64.ge_u (local.get $at) (local.get $n)))
        (local.set $b (call $byte (local.get $at)))
        (local.set $at (i64.add (local.get $at) (i64.const 1)))
        (if (local.get $in_string)
          (then
            (if (local.get $escaped)
              (then (local.set $escaped (i32.const 0)))
              (else
                (if (i32.eq (local.get $b) (i32.const 92)) (then (local.set $escaped (i32.const 1))))
                (if (i32.eq (local.get $b) (i32.const 34)) (then (local.set $in_string (i32.const 0)))))))
          (else
            (if (i32.eq (local.get $b) (i32.const 34)) (then (local.set $in_string (i32.const 1))))
            (if (i32.or (i32.eq (local.get $b) (i32.const 91)) (i32.eq (local.get $b) (i32.const 123)))
              (then (local.set $depth (i32.add (local.get $depth) (i32.const 1)))))
            (if (i32.or (i32.eq (local.get $b) (i32.const 93)) (i32.eq (local.get $b) (i32.const 125)))
              (then
                (local.set $depth (i32.sub (local.get $depth) (i32.const 1)))
                (br_if $done (i32.eqz (local.get $depth)))))))
        (br $scan)))
    (local.get $at))

  ;; Appends plugin memory [$from, $from + $len) at $out; returns the new end.
  (func $append (param $from i32) (param $len i32) (param $out i32) (result i32)
    (memory.copy (local.get $out) (local.get $from) (local.get $len))
    (i32.add (local.get $out) (local.get $len)))

  ;; Appends the input's array whose key is $pattern as the content of a JSON string: quote and backslash escaped.
  (func $append_array (param $pattern i32) (param $pattern_len i32) (param $n i64) (param $out i32) (result i32)
    (local $start i64) (local $end i64) (local $at i64) (local $b i32)
    (local.set $start (call $find (local.get $pattern) (local.get $pattern_len) (local.get $n)))
    (if (i64.lt_s (local.get $start) (i64.const 0)) (then (return (local.get $out))))
    (local.set $end (call $array_end (local.get $start) (local.get $n)))
    (local.set $at (i64.sub (local.get $start) (i64.const 1)))
    (block $done
      (loop $copy
        (br_if $done (i64.ge_u (local.get $at) (local.get $end)))
        (local.set $b (call $byte (local.get $at)))
        (if (i32.or (i32.eq (local.get $b) (i32.const 34)) (i32.eq (local.get $b) (i32.const 92)))
          (then
            (i32.store8 (local.get $out) (i32.const 92))
            (local.set $out (i32.add (local.get $out) (i32.const 1)))))
        (i32.store8 (local.get $out) (local.get $b))
        (local.set $out (i32.add (local.get $out) (i32.const 1)))
        (local.set $at (i64.add (local.get $at) (i64.const 1)))
        (br $copy)))
    (local.get $out))

  (func (export "onEmail") (result i32)
    (local $n i64) (local $out i32) (local $len i32) (local $block i64) (local $i i32) (local $result i64)
    (local.set $n (call $input_length))
    (call $read_input (local.get $n))
    (local.set $out (call $append (i32.const 64) (i32.const 34) (global.get $out_start)))
    (local.set $out (call $append_array (i32.const 0) (i32.const 15) (local.get $n) (local.get $out)))
    (local.set $out (call $append (i32.const 128) (i32.const 21) (local.get $out)))
    (local.set $out (call $append_array (i32.const 32) (i32.const 12) (local.get $n) (local.get $out)))
    (local.set $out (call $append (i32.const 192) (i32.const 3) (local.get $out)))
    ;; Hand the JSON to the kernel and deliver it.
    (local.set $len (i32.sub (local.get $out) (global.get $out_start)))
    (local.set $block (call $alloc (i64.extend_i32_u (local.get $len))))
    (block $copied
      (loop $copy
        (br_if $copied (i32.ge_u (local.get $i) (local.get $len)))
        (call $store_u8 (i64.add (local.get $block) (i64.extend_i32_u (local.get $i)))
          (i32.load8_u (i32.add (global.get $out_start) (local.get $i))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $copy)))
    (local.set $result (call $deliver (local.get $block)))
    (call $output_set (local.get $result) (call $length (local.get $result)))
    (i32.const 0))
)
