#!/bin/sh
# Storage benchmarks, Cassandra against the single-node stores, each in one run: builds the module's test classes
# from the reactor root, then runs, each with the tests' Cassandra (a JVM of its own, killed at the end),
# org.hackablemail.storage.cassandra.bench.BayesStorageBenchmark (the Bayes store against Lucene) and
# PluginStorageBenchmark (the owners' plugins against the file system, with the Project XYZ C example).
# Arguments, for the Bayes benchmark: [messages] [tokens per message].
set -eu
module=$(cd "$(dirname "$0")" && pwd)
# Each module of the reactor writes its own class path; plugin-host's adds James's libraries it has as provided
# (javax.mail, mime4j, jsoup), which are not inherited and which the simulations of a push need.
mvn -B -q -f "$module/../pom.xml" -pl storage-cassandra -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
bench() {
    java -Xmx1g -Dhackablemail.cassandra.classpath="$module/../cassandra-runtime/target/cassandra-server.classpath" \
        -Dhackablemail.cassandra.directory="$module/target/cassandra-bench" \
        -cp "$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench.classpath"):$(cat "$module/../plugin-host/target/bench.classpath")" \
        org.hackablemail.storage.cassandra.bench."$@"
}
bench BayesStorageBenchmark "$@"
bench PluginStorageBenchmark "$module/../pdk/examples/project-xyz-c/project-xyz.wasm"
