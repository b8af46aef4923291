;; Four loops of 25 million iterations, each adding what AssemblyScript code does per character of a string, run by
;; ../loops.sh on Chicory (compiled to JVM bytecode, as our host runs plugins) and on V8 (Node). The inner work stays
;; the same; only the way to reach it changes: locals only; one i32.store and i32.load; AssemblyScript's shadow stack
;; (a mutable global moved down, checked, written through and moved back); a call to a function shaped like
;; String#charCodeAt as asc -O3 --runtime incremental builds it.
(module
  (memory 1)
  (global $sp (mut i32) (i32.const 4096))
  ;; plain loop: locals only
  (func (export "locals") (param $n i32) (result i32) (local $i i32) (local $s i32)
    (loop $l
      (local.set $s (i32.add (local.get $s) (local.get $i)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_s (local.get $i) (local.get $n))))
    (local.get $s))
  ;; the same with one i32.store and i32.load per iteration
  (func (export "memory") (param $n i32) (result i32) (local $i i32) (local $s i32)
    (loop $l
      (i32.store (i32.const 64) (local.get $i))
      (local.set $s (i32.add (local.get $s) (i32.load (i32.const 64))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_s (local.get $i) (local.get $n))))
    (local.get $s))
  ;; what AssemblyScript's shadow stack adds to a call: move a mutable global down, check it, store, move it back
  (func (export "shadow") (param $n i32) (result i32) (local $i i32) (local $s i32)
    (loop $l
      (global.set $sp (i32.sub (global.get $sp) (i32.const 4)))
      (if (i32.lt_s (global.get $sp) (i32.const 1024)) (then unreachable))
      (i32.store (global.get $sp) (local.get $i))
      (local.set $s (i32.add (local.get $s) (i32.load (global.get $sp))))
      (global.set $sp (i32.add (global.get $sp) (i32.const 4)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_s (local.get $i) (local.get $n))))
    (local.get $s))

  ;; AssemblyScript's String#charCodeAt as asc -O3 --runtime incremental builds it: a function with a shadow-stack frame
  (func $charCodeAt (param $s i32) (param $i i32) (result i32)
    (global.set $sp (i32.sub (global.get $sp) (i32.const 4)))
    (if (i32.lt_s (global.get $sp) (i32.const 1024)) (then unreachable))
    (i32.store (global.get $sp) (i32.const 0))
    (i32.store (global.get $sp) (local.get $s))
    (if (i32.ge_u (local.get $i) (i32.shr_u (i32.load offset=16 (i32.sub (local.get $s) (i32.const 20))) (i32.const 1)))
      (then (global.set $sp (i32.add (global.get $sp) (i32.const 4))) (return (i32.const -1))))
    (local.set $s (i32.load16_u (i32.add (local.get $s) (i32.shl (local.get $i) (i32.const 1)))))
    (global.set $sp (i32.add (global.get $sp) (i32.const 4)))
    (local.get $s))
  ;; a loop over a string's characters through it
  (func (export "calls") (param $n i32) (result i32) (local $i i32) (local $s i32)
    (i32.store (i32.const 2052) (i32.const 2048)) ;; a 1024-character string at 2068: header at 2048
    (loop $l
      (local.set $s (i32.add (local.get $s) (call $charCodeAt (i32.const 2068) (i32.and (local.get $i) (i32.const 1023)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_s (local.get $i) (local.get $n))))
    (local.get $s))
)
