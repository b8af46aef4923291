;; Subject tagger, in hand-written WebAssembly text.
;;
;; Prefixes the Subject header with "[tagged] " and delivers the message.
;; A message without a Subject header gets "Subject: [tagged] "; a subject
;; that already starts with "[tagged] " is left alone. The result is
;; deliver's own result, passed through (0 when delivered).
;;
;; How: the input JSON is copied into linear memory and scanned once,
;; following strings (with their escapes) and nesting depth, to find the
;; value of the "Subject" member (name compared case-insensitively) of the
;; top-level "headers" object. The output JSON is the input with the prefix
;; spliced in after that value's opening quote; everything else is kept
;; byte for byte. The prefix has no character that needs JSON escaping.
;;
;; Build: wat2wasm subject-tagger.wat -o subject-tagger.wasm
(module
  (import "extism:host/env" "input_length" (func $input_length (result i64)))
  (import "extism:host/env" "input_load_u64" (func $input_load_u64 (param i64) (result i64)))
  (import "extism:host/env" "input_load_u8" (func $input_load_u8 (param i64) (result i32)))
  (import "extism:host/env" "alloc" (func $alloc (param i64) (result i64)))
  (import "extism:host/env" "free" (func $free (param i64)))
  (import "extism:host/env" "length" (func $length (param i64) (result i64)))
  (import "extism:host/env" "store_u64" (func $store_u64 (param i64 i64)))
  (import "extism:host/env" "store_u8" (func $store_u8 (param i64 i32)))
  (import "extism:host/env" "output_set" (func $output_set (param i64 i64)))
  (import "extism:host/env" "error_set" (func $error_set (param i64)))
  (import "extism:host/user" "deliver" (func $deliver (param i64) (result i64)))

  (memory (export "memory") 1)

  ;; constant strings, 16 bytes apart
  (data (i32.const 16) "[tagged] ")           ;; 9 bytes: the prefix
  (data (i32.const 32) "headers")             ;; 7
  (data (i32.const 48) "subject")             ;; 7 (lower case)
  (data (i32.const 64) "\"Subject\":\"[tagged] \"")  ;; 21: a new header
  (data (i32.const 96) "input is not a JSON object with headers") ;; 39

  ;; the input is copied to $IN, the output built right after it
  (global $IN i32 (i32.const 1024))

  ;; Make linear memory at least $bytes long; false if it cannot grow.
  (func $reserve (param $bytes i32) (result i32)
    (local $pages i32)
    (local.set $pages
      (i32.sub
        (i32.shr_u (i32.add (local.get $bytes) (i32.const 65535)) (i32.const 16))
        (memory.size)))
    (if (i32.gt_s (local.get $pages) (i32.const 0))
      (then (return (i32.ne (memory.grow (local.get $pages)) (i32.const -1)))))
    (i32.const 1))

  ;; Do the $n bytes at $p equal the lower-case ASCII bytes at $lit,
  ;; ignoring ASCII case in $p when $ci?
  (func $key_eq (param $p i32) (param $n i32) (param $lit i32) (param $litn i32) (param $ci i32) (result i32)
    (local $i i32) (local $c i32)
    (if (i32.ne (local.get $n) (local.get $litn)) (then (return (i32.const 0))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $c (i32.load8_u (i32.add (local.get $p) (local.get $i))))
        (if (i32.and (local.get $ci)
              (i32.lt_u (i32.sub (local.get $c) (i32.const 65)) (i32.const 26)))
          (then (local.set $c (i32.or (local.get $c) (i32.const 32)))))
        (if (i32.ne (local.get $c) (i32.load8_u (i32.add (local.get $lit) (local.get $i))))
          (then (return (i32.const 0))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (i32.const 1))

  ;; $p at an opening quote: the position after the closing quote (or $end).
  (func $skip_string (param $p i32) (param $end i32) (result i32)
    (local $c i32)
    (local.set $p (i32.add (local.get $p) (i32.const 1)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $c (i32.load8_u (local.get $p)))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br_if $done (i32.eq (local.get $c) (i32.const 34)))        ;; "
        (if (i32.eq (local.get $c) (i32.const 92))                  ;; \ skips one more
          (then (local.set $p (i32.add (local.get $p) (i32.const 1)))))
        (br $next)))
    (if (result i32) (i32.gt_u (local.get $p) (local.get $end))
      (then (local.get $end)) (else (local.get $p))))

  ;; The first position at or after $p that is not JSON whitespace or ':'.
  (func $skip_colon (param $p i32) (param $end i32) (result i32)
    (local $c i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $c (i32.load8_u (local.get $p)))
        (br_if $done (i32.eqz
          (i32.or (i32.or (i32.eq (local.get $c) (i32.const 32)) (i32.eq (local.get $c) (i32.const 58)))
                  (i32.or (i32.eq (local.get $c) (i32.const 10))
                          (i32.or (i32.eq (local.get $c) (i32.const 13)) (i32.eq (local.get $c) (i32.const 9)))))))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $next)))
    (local.get $p))

  ;; Copy $n bytes from linear memory at $src into a new kernel block.
  (func $to_kernel (param $src i32) (param $n i32) (result i64)
    (local $h i64) (local $i i32)
    (local.set $h (call $alloc (i64.extend_i32_u (local.get $n))))
    (block $done
      (loop $next
        (br_if $done (i32.gt_u (i32.add (local.get $i) (i32.const 8)) (local.get $n)))
        (call $store_u64 (i64.add (local.get $h) (i64.extend_i32_u (local.get $i)))
                         (i64.load (i32.add (local.get $src) (local.get $i))))
        (local.set $i (i32.add (local.get $i) (i32.const 8)))
        (br $next)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (call $store_u8 (i64.add (local.get $h) (i64.extend_i32_u (local.get $i)))
                        (i32.load8_u (i32.add (local.get $src) (local.get $i))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $h))

  (func (export "onEmail") (result i32)
    (local $len i32) (local $end i32) (local $p i32) (local $c i32)
    (local $depth i32) (local $key_pos i32) (local $after_headers_key i32)
    (local $in_headers i32) (local $headers_open i32) (local $value i32)
    (local $start i32) (local $out i32) (local $out_len i32) (local $i i32)
    (local $cut i32) (local $insert i32) (local $insert_len i32) (local $h i64) (local $rc i64)

    ;; 1. copy the input to linear memory at $IN
    (local.set $len (i32.wrap_i64 (call $input_length)))
    (if (i32.eqz (call $reserve (i32.add (i32.add (global.get $IN) (i32.const 64))
                                         (i32.shl (local.get $len) (i32.const 1)))))
      (then unreachable))
    (block $done
      (loop $next
        (br_if $done (i32.gt_u (i32.add (local.get $i) (i32.const 8)) (local.get $len)))
        (i64.store (i32.add (global.get $IN) (local.get $i))
                   (call $input_load_u64 (i64.extend_i32_u (local.get $i))))
        (local.set $i (i32.add (local.get $i) (i32.const 8)))
        (br $next)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (i32.store8 (i32.add (global.get $IN) (local.get $i))
                    (call $input_load_u8 (i64.extend_i32_u (local.get $i))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.set $end (i32.add (global.get $IN) (local.get $len)))

    ;; 2. find the Subject value (or the headers object) by scanning once
    (local.set $p (global.get $IN))
    (block $found
      (loop $scan
        (br_if $found (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $c (i32.load8_u (local.get $p)))
        (if (i32.eq (local.get $c) (i32.const 34))                      ;; a string
          (then
            (local.set $start (i32.add (local.get $p) (i32.const 1)))
            (local.set $p (call $skip_string (local.get $p) (local.get $end)))
            (if (local.get $key_pos)
              (then
                (local.set $key_pos (i32.const 0))
                (if (i32.eq (local.get $depth) (i32.const 1))
                  (then (local.set $after_headers_key
                          (call $key_eq (local.get $start)
                                (i32.sub (i32.sub (local.get $p) (local.get $start)) (i32.const 1))
                                (i32.const 32) (i32.const 7) (i32.const 0)))))
                (if (i32.and (i32.and (local.get $in_headers) (i32.eq (local.get $depth) (i32.const 2)))
                             (call $key_eq (local.get $start)
                                   (i32.sub (i32.sub (local.get $p) (local.get $start)) (i32.const 1))
                                   (i32.const 48) (i32.const 7) (i32.const 1)))
                  (then
                    (local.set $value (call $skip_colon (local.get $p) (local.get $end)))
                    (br $found)))))
            (br $scan)))
        (if (i32.eq (local.get $c) (i32.const 123))                     ;; {
          (then
            (local.set $depth (i32.add (local.get $depth) (i32.const 1)))
            (local.set $key_pos (i32.const 1))
            (if (i32.and (i32.eq (local.get $depth) (i32.const 2)) (local.get $after_headers_key))
              (then (local.set $in_headers (i32.const 1))
                    (local.set $headers_open (local.get $p))))))
        (if (i32.eq (local.get $c) (i32.const 91))                      ;; [
          (then
            (local.set $depth (i32.add (local.get $depth) (i32.const 1)))
            (local.set $key_pos (i32.const 0))))
        (if (i32.or (i32.eq (local.get $c) (i32.const 125)) (i32.eq (local.get $c) (i32.const 93)))
          (then                                                          ;; } ]
            (local.set $depth (i32.sub (local.get $depth) (i32.const 1)))
            (if (i32.le_s (local.get $depth) (i32.const 1))
              (then (local.set $in_headers (i32.const 0))))))
        (if (i32.and (i32.eq (local.get $c) (i32.const 44))             ;; , before a key
                     (i32.or (i32.eq (local.get $depth) (i32.const 1))
                             (i32.and (local.get $in_headers) (i32.eq (local.get $depth) (i32.const 2)))))
          (then (local.set $key_pos (i32.const 1))))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $scan)))

    ;; 3. decide what to insert where
    (if (i32.and (local.get $value)
                 (i32.lt_u (local.get $value) (local.get $end)))
      (then
        (if (i32.ne (i32.load8_u (local.get $value)) (i32.const 34))
          (then (local.set $value (i32.const 0))))))                     ;; not a string: leave it
    (if (local.get $value)
      (then
        (local.set $cut (i32.add (local.get $value) (i32.const 1)))      ;; after the quote
        (local.set $insert (i32.const 16))
        (local.set $insert_len (i32.const 9))
        (if (call $key_eq (local.get $cut)
                  (select (i32.const 9) (i32.const 0)
                          (i32.le_u (i32.add (local.get $cut) (i32.const 9)) (local.get $end)))
                  (i32.const 16) (i32.const 9) (i32.const 0))
          (then (local.set $insert_len (i32.const 0)))))                 ;; already tagged
      (else
        (if (i32.eqz (local.get $headers_open))
          (then
            (call $error_set (call $to_kernel (i32.const 96) (i32.const 39)))
            (return (i32.const 1))))
        (local.set $cut (i32.add (local.get $headers_open) (i32.const 1)))
        (local.set $insert (i32.const 64))
        (local.set $insert_len (i32.const 21))
        ;; a comma after the new member unless the object was empty
        (if (i32.ne (i32.load8_u (call $skip_colon (local.get $cut) (local.get $end))) (i32.const 125))
          (then (i32.store8 (i32.const 85) (i32.const 44))
                (local.set $insert_len (i32.const 22))))))

    ;; 4. output = input[..cut] + insert + input[cut..]
    (local.set $out (local.get $end))
    (memory.copy (local.get $out) (global.get $IN) (i32.sub (local.get $cut) (global.get $IN)))
    (memory.copy (i32.add (local.get $out) (i32.sub (local.get $cut) (global.get $IN)))
                 (local.get $insert) (local.get $insert_len))
    (memory.copy (i32.add (i32.add (local.get $out) (i32.sub (local.get $cut) (global.get $IN)))
                          (local.get $insert_len))
                 (local.get $cut) (i32.sub (local.get $end) (local.get $cut)))
    (local.set $out_len (i32.add (local.get $len) (local.get $insert_len)))

    ;; 5. deliver, and pass deliver's JSON integer result through as ours
    (local.set $h (call $to_kernel (local.get $out) (local.get $out_len)))
    (local.set $rc (call $deliver (local.get $h)))
    (call $free (local.get $h))
    (call $output_set (local.get $rc) (call $length (local.get $rc)))
    (i32.const 0))
)
