#!/bin/sh
# Our plugin host against the official Extism JS host (npm @extism/extism 1.0.3, Node) on the same module and the
# same input bytes, in one run: the warm onEmail call in process and through a sandbox worker (caller -> worker ->
# caller), then on the JS host; median and p99 of each, and how many times faster ours is (JS / ours).
#
#   plugin-host/bench/bench.sh [plugin.wasm]   default: the AssemblyScript Project XYZ example
#
# Prerequisites: Java 17, Maven, Node.js 20, and once: (cd plugin-host/bench/extism-js && npm ci)
# Environment: WARM_UP (5000) and CALLS (20000) warm calls per host; MVN ("mvn -B -q"; add -o when offline).
# It starts a sandbox worker and keeps both cores busy: run it on an otherwise quiet machine. Not part of the build.
set -eu

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
WASM=${1:-pdk/examples/project-xyz-as/project-xyz.wasm}
WARM_UP=${WARM_UP:-5000}
CALLS=${CALLS:-20000}
MVN=${MVN:-mvn -B -q}
JS=plugin-host/bench/extism-js

[ -f "$JS/node_modules/@extism/extism/package.json" ] || { echo "missing the JS host: run (cd $JS && npm ci)" >&2; exit 2; }
$MVN -pl plugin-host -am test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt

OUT=$(mktemp -d "${TMPDIR:-/tmp}/hackablemail-bench.XXXXXX")
trap 'rm -rf "$OUT"' EXIT INT TERM

java -cp "plugin-host/target/classes:plugin-host/target/test-classes:$(cat plugin-host/target/cp.txt)" \
  -DwarmUpCalls="$WARM_UP" -DmeasuredCalls="$CALLS" \
  org.hackablemail.plugin.sandbox.ExtismJsComparisonBenchmark "$WASM" "$OUT/mail.json" | tee "$OUT/ours"
echo
echo "== the same module and the same $(wc -c < "$OUT/mail.json")-byte message on the official Extism JS host"
node --no-warnings "$JS/bench.mjs" "$WASM" "$OUT/mail.json" "$WARM_UP" "$CALLS" | tee "$OUT/js"

echo
echo "== how many times faster ours is (JS host / ours), same run"
cat "$OUT/ours" "$OUT/js" | awk '
  $1 == "result" { median[$2] = $3; p99[$2] = $4 }
  END {
    for (i = 1; i <= 2; i++) {
      host = i == 1 ? "in-process" : "worker"
      printf "%-12s median %6.0f us vs %6.0f us: %.2fx   p99 %6.0f us vs %6.0f us: %.2fx\n", host,
        median[host], median["js-host"], median["js-host"] / median[host],
        p99[host], p99["js-host"], p99["js-host"] / p99[host]
    }
  }'
