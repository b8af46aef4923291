#!/bin/sh
# The same four Wasm loops (loops/loops.wat: locals only, memory, AssemblyScript's shadow stack, a charCodeAt-like
# call) on Chicory, compiled as our host compiles plugins, and on V8 (Node), in one run: where the AssemblyScript
# plugins' time goes, as a reproduction without our host.
#
#   plugin-host/bench/loops.sh
#
# Prerequisites: Java 17, Maven, Node.js 20, wat2wasm (wabt). MVN as in bench.sh. Not part of the build.
set -eu

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
MVN=${MVN:-mvn -B -q}
OUT=$(mktemp -d "${TMPDIR:-/tmp}/hackablemail-loops.XXXXXX")
trap 'rm -rf "$OUT"' EXIT INT TERM

wat2wasm plugin-host/bench/loops/loops.wat -o "$OUT/loops.wasm"
$MVN -pl plugin-host -am test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
java -cp "plugin-host/target/classes:plugin-host/target/test-classes:$(cat plugin-host/target/cp.txt)" \
  org.hackablemail.plugin.host.ChicoryLoopsBenchmark "$OUT/loops.wasm"
node --no-warnings plugin-host/bench/loops/loops.mjs "$OUT/loops.wasm"
