;; Hostile: tries an HTTP request.
(module
  (import "extism:host/env" "http_request" (func $http_request (param i64 i64) (result i64)))
  (func (export "onEmail") (result i32)
    (drop (call $http_request (i64.const 0) (i64.const 0)))
    (i32.const 0))
)
