package org.hackablemail.storage.cassandra.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import org.hackablemail.bayes.BayesianFilter;
import org.hackablemail.bayes.FilterSettings;
import org.hackablemail.bayes.model.BayesModel;
import org.hackablemail.bayes.model.LayerSettings;
import org.hackablemail.bayes.store.BayesStore;
import org.hackablemail.bayes.store.EntryState;
import org.hackablemail.bayes.store.EntryWrite;
import org.hackablemail.bayes.store.LuceneBayesStore;
import org.hackablemail.bayes.store.Scope;
import org.hackablemail.bayes.store.Source;
import org.hackablemail.bayes.store.Teaching;
import org.hackablemail.bayes.store.TrainingKey;
import org.hackablemail.storage.cassandra.CassandraBayesStore;
import org.hackablemail.storage.cassandra.CassandraSchema;
import org.hackablemail.storage.cassandra.CassandraSettings;
import org.hackablemail.storage.cassandra.CassandraStorage;
import org.hackablemail.storage.cassandra.Cql;
import org.hackablemail.storage.cassandra.testing.SharedCassandra;

import com.datastax.oss.driver.api.core.CqlSession;

/**
 * The Bayes store on Cassandra against the single-node Lucene store, in one run (the machine is shared: read the
 * ratios): training throughput (messages written per second, in batches as the training tasks write them),
 * classification on each (the in-memory model, so it should not depend on the store), and how long a message learnt
 * through one node takes to be counted by another node's model once that node reads the feed (what
 * {@code storage.refresh} adds to it is not counted). Run by {@code storage-cassandra/bench.sh}; not a test.
 *
 * <p>Arguments: {@code [messages] [tokens per message]}, default 2000 and 150.
 */
public final class BayesStorageBenchmark {
    private static final int BATCH = 100;
    private static final int CLASSIFICATIONS = 20_000;
    private static final int PROPAGATIONS = 20;

    private BayesStorageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int tokens = args.length > 1 ? Integer.parseInt(args[1]) : 150;
        List<Set<String>> corpus = corpus(messages, tokens);
        CassandraSettings settings = SharedCassandra.settings(SharedCassandra.newKeyspaceName("bench"));
        try (CqlSession nodeA = SharedCassandra.session(settings); CqlSession nodeB = SharedCassandra.session(settings)) {
            new CassandraSchema(nodeA, settings).ensure(CassandraStorage.tables());
            Path directory = Files.createTempDirectory("bayes-bench");
            try (BayesStore lucene = LuceneBayesStore.open(directory.resolve("lucene"))) {
                BayesStore cassandra = new CassandraBayesStore(new Cql(nodeA, settings),
                    Clock.systemUTC());
                double luceneRate = train(lucene, corpus, "lucene");
                double cassandraRate = train(cassandra, corpus, "cassandra");
                System.out.printf("training, messages/s: lucene %.0f, cassandra %.0f, cassandra/lucene %.2f%n",
                    luceneRate, cassandraRate, cassandraRate / luceneRate);

                double luceneMicros = classify(lucene, corpus);
                double cassandraMicros = classify(cassandra, corpus);
                System.out.printf("classification, µs per message: lucene %.1f, cassandra %.1f, cassandra/lucene %.2f%n",
                    luceneMicros, cassandraMicros, cassandraMicros / luceneMicros);

                BayesStore otherNode = new CassandraBayesStore(new Cql(nodeB, settings),
                    Clock.systemUTC());
                propagation(cassandra, otherNode);
            }
        }
        System.exit(0);
    }

    private static double train(BayesStore store, List<Set<String>> corpus, String name) {
        long start = System.nanoTime();
        for (int from = 0; from < corpus.size(); from += BATCH) {
            List<EntryWrite> writes = new ArrayList<>();
            for (int i = from; i < Math.min(corpus.size(), from + BATCH); i++) {
                Set<String> tokens = corpus.get(i);
                writes.add(new EntryWrite(TrainingKey.mailboxMessage(Scope.SHARED, name + i),
                    i % 2 == 0 ? EntryState.SPAM : EntryState.HAM, Source.ADMIN, () -> Teaching.of(tokens)));
            }
            store.writeAll(writes);
        }
        return corpus.size() / ((System.nanoTime() - start) / 1e9);
    }

    private static double classify(BayesStore store, List<Set<String>> corpus) {
        BayesianFilter filter = new BayesianFilter(store, FilterSettings.DEFAULT);
        double sum = 0;
        for (int i = 0; i < CLASSIFICATIONS / 10; i++) {
            sum += filter.classify(corpus.get(i % corpus.size()), Optional.empty()).score();
        }
        long start = System.nanoTime();
        for (int i = 0; i < CLASSIFICATIONS; i++) {
            sum += filter.classify(corpus.get(i % corpus.size()), Optional.empty()).score();
        }
        double micros = (System.nanoTime() - start) / 1e3 / CLASSIFICATIONS;
        if (Double.isNaN(sum)) {
            throw new IllegalStateException("no score");
        }
        return micros;
    }

    private static void propagation(BayesStore nodeA, BayesStore nodeB) {
        BayesModel modelOnB = new BayesModel(nodeB, LayerSettings.DEFAULT);
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < PROPAGATIONS; i++) {
            TrainingKey key = TrainingKey.mailboxMessage(Scope.SHARED, "propagated" + i);
            long start = System.nanoTime();
            nodeA.write(new EntryWrite(key, EntryState.SPAM, Source.ADMIN, () -> Teaching.of(Set.of("token" + System.nanoTime()))));
            do {
                modelOnB.refresh();
            } while (modelOnB.countedState(key).isEmpty());
            millis.add((System.nanoTime() - start) / 1e6);
        }
        millis.sort(Double::compare);
        System.out.printf("a message learnt on node A, counted by node B's model (write + feed read), ms: median %.1f, "
            + "max %.1f (plus up to storage.refresh between reads)%n", millis.get(millis.size() / 2), millis.get(millis.size() - 1));
    }

    private static List<Set<String>> corpus(int messages, int tokens) {
        Random random = new Random(42);
        List<Set<String>> corpus = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            Set<String> set = new HashSet<>();
            while (set.size() < tokens) {
                set.add((i % 2 == 0 ? "s" : "h") + random.nextInt(5_000));
            }
            corpus.add(set);
        }
        return corpus;
    }
}
