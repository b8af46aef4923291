#!/bin/sh
# Bayes store benchmark, Cassandra against the single-node Lucene store: builds the module's test classes from the
# reactor root, starts the tests' Cassandra (a JVM of its own, killed at the end) and runs
# org.hackablemail.storage.cassandra.bench.BayesStorageBenchmark. Arguments: [messages] [tokens per message].
set -eu
module=$(cd "$(dirname "$0")" && pwd)
mvn -B -q -f "$module/../pom.xml" -pl storage-cassandra -am test-compile dependency:build-classpath \
    -Dmdep.outputFile="$module/target/bench.classpath" -Dmdep.includeScope=test
exec java -Xmx1g -Dhackablemail.cassandra.classpath="$module/../cassandra-runtime/target/cassandra-server.classpath" \
    -Dhackablemail.cassandra.directory="$module/target/cassandra-bench" \
    -cp "$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench.classpath")" \
    org.hackablemail.storage.cassandra.bench.BayesStorageBenchmark "$@"
