package org.hackablemail.bayes.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.hackablemail.bayes.Label;
import org.hackablemail.bayes.classify.ChiSquareClassifier;
import org.hackablemail.bayes.classify.Classification;
import org.hackablemail.bayes.classify.ClassifierSettings;
import org.hackablemail.bayes.model.BayesModel;
import org.hackablemail.bayes.model.CountTable;
import org.hackablemail.bayes.model.LayerSettings;
import org.hackablemail.bayes.store.EntryState;
import org.hackablemail.bayes.store.EntryWrite;
import org.hackablemail.bayes.store.InMemoryBayesStore;
import org.hackablemail.bayes.store.Scope;
import org.hackablemail.bayes.store.Source;
import org.hackablemail.bayes.store.Teaching;
import org.hackablemail.bayes.store.TrainingKey;
import org.hackablemail.bayes.tokenize.MessageTokenizer;
import org.hackablemail.bayes.tokenize.TokenizerSettings;

/**
 * Classifier settings side by side on the temporal split, each message tokenized once: how the defaults were chosen.
 * Not a test: {@code java ... org.hackablemail.bayes.bench.SettingsSweep CORPUS_DATA_DIR [--pairs]}.
 */
public final class SettingsSweep {
    private SettingsSweep() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        boolean pairs = List.of(args).contains("--pairs");
        List<LabelledMessage> corpus = new ArrayList<>();
        for (String ham : List.of("easy-ham-1", "hard-ham-1")) {
            corpus.addAll(CorpusFiles.load(data.resolve(ham), false, ".txt"));
        }
        corpus.addAll(CorpusFiles.load(data.resolve("spam-1"), true, ".txt"));
        Benchmark.TemporalSplit split = Benchmark.TemporalSplit.atMedian(corpus);
        MessageTokenizer tokenizer = new MessageTokenizer(TokenizerSettings.DEFAULT.withWordPairs(pairs));
        InMemoryBayesStore store = new InMemoryBayesStore();
        int n = 0;
        List<EntryWrite> writes = new ArrayList<>();
        for (LabelledMessage message : split.training()) {
            Set<String> tokens = tokenizer.tokenize(message.content());
            writes.add(new EntryWrite(TrainingKey.mailboxMessage(Scope.SHARED, String.valueOf(n++)),
                EntryState.of(message.spam() ? Label.SPAM : Label.HAM), Source.ADMIN, () -> Teaching.of(tokens)));
        }
        store.writeAll(writes);
        CountTable shared = new BayesModel(store, LayerSettings.DEFAULT).shared();
        List<Set<String>> testTokens = split.testing().stream().map(m -> tokenizer.tokenize(m.content())).toList();

        System.out.printf("Temporal split, tokenizer %s%n%-44s %10s %10s %10s %8s %9s%n", pairs ? "with pairs" : "default",
            "s  x  minDev  discriminators", "FN@FP.1%", "FN@FP.5%", "flagged", "FP@0.9", "1-AUC");
        for (double strength : new double[] {0.1, 0.45, 1.0}) {
            for (double minDeviation : new double[] {0.0, 0.1, 0.2, 0.3, 0.4}) {
                for (int discriminators : new int[] {15, 50, 150, 400, 1500}) {
                    ClassifierSettings settings = new ClassifierSettings(0.9, 0.2, 20, 20, strength, 0.5, minDeviation,
                        discriminators);
                    ChiSquareClassifier classifier = new ChiSquareClassifier(settings);
                    List<Outcome> outcomes = new ArrayList<>();
                    for (int i = 0; i < testTokens.size(); i++) {
                        Classification c = classifier.classify(testTokens.get(i), shared);
                        outcomes.add(new Outcome(split.testing().get(i).spam(), c.score(), c.verdict()));
                    }
                    Metrics metrics = Metrics.of(outcomes);
                    long fp = outcomes.stream().filter(o -> !o.spam() && o.score() >= 0.9).count();
                    System.out.printf("%-44s %9.2f%% %9.2f%% %9.2f%% %8d %9.4f%n",
                        String.format("%.2f 0.5 %.1f %d", strength, minDeviation, discriminators),
                        100 * metrics.fnAtFp01(), 100 * metrics.fnAtFp05(), 100 * metrics.spamFlaggedRate(), fp,
                        1 - metrics.auc());
                }
            }
        }
    }
}
