#!/bin/sh
# End-to-end SMTP throughput: a stock James 3.8.1 with the whole Hackable Mail chain against the same James without
# the bundle's mailets, in turn, in one run (org.hackablemail.bench.SmtpThroughputBenchmark).
# Usage: [BENCH_OPTS="-Dbench.warmUp=1000 -Dbench.compare=bare,chain-baseline,chain -Dbench.baseline=../before"] packaging/bench.sh [messages per round,
#   default 1000] [rounds, default 3] (the options: SmtpThroughputBenchmark's javadoc)
# Needs the built bundle: mvn -DskipTests install
set -eu
module=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$module")
mvn -B -q -f "$module/pom.xml" test-compile dependency:build-classpath \
    -Dmdep.outputFile="$module/target/bench.classpath" -Dmdep.includeScope=test
exec java ${BENCH_OPTS:-} -cp "$module/target/test-classes:$(cat "$module/target/bench.classpath")" \
    org.hackablemail.bench.SmtpThroughputBenchmark "$root/james-conf" \
    "$(ls "$module"/target/hackable-mail-extension-*.jar | head -n 1)" "$root/james-runtime/target/james-server.classpath" \
    "$root/pdk/examples/project-xyz-c/project-xyz.wasm" "${1:-1000}" "${2:-3}"
