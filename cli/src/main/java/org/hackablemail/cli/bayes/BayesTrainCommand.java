package org.hackablemail.cli.bayes;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.hackablemail.bayes.BatchTraining;
import org.hackablemail.bayes.BayesianFilter;
import org.hackablemail.bayes.Label;
import org.hackablemail.bayes.corpus.Corpus;
import org.hackablemail.bayes.corpus.RawMessage;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hackmail bayes train --spam DIR --ham DIR --store DIR}. */
@Command(name = "train",
    mixinStandardHelpOptions = true,
    description = {"Learns spam and ham from directories of message files (.eml or any), Maildirs or mbox files."},
    exitCodeOnExecutionException = 1)
public class BayesTrainCommand implements Callable<Integer> {
    private static final int BATCH_SIZE = 200;

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption store;

    @Option(names = "--spam", paramLabel = "PATH", description = "Spam corpus (repeatable).")
    List<Path> spam = List.of();

    @Option(names = "--ham", paramLabel = "PATH", description = "Ham corpus (repeatable).")
    List<Path> ham = List.of();

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (spam.isEmpty() && ham.isEmpty()) {
            err.println("hackmail bayes train: give --spam, --ham or both");
            return 2;
        }
        for (Path corpus : Stream.concat(spam.stream(), ham.stream()).toList()) {
            if (!Files.exists(corpus)) {
                err.println("hackmail bayes train: " + corpus + " does not exist");
                return 2;
            }
        }
        try (BayesianFilter filter = store.open()) {
            BatchTraining training = new BatchTraining(filter, BATCH_SIZE);
            for (Path corpus : spam) {
                train(training, Label.SPAM, corpus, err);
            }
            for (Path corpus : ham) {
                train(training, Label.HAM, corpus, err);
            }
            spec.commandLine().getOut().println(StoreSummary.of(filter));
        }
        return 0;
    }

    private static void train(BatchTraining training, Label label, Path corpus, PrintWriter err) throws IOException {
        String kind = label.name().toLowerCase(Locale.ROOT);
        long start = System.nanoTime();
        try (Stream<RawMessage> messages = Corpus.open(corpus).messages()) {
            long learnt = training.train(label, messages, count -> {
                err.print("\r" + kind + " " + corpus + ": " + count + " messages");
                err.flush();
            });
            err.printf(Locale.ROOT, "\r%s %s: %d messages learnt in %.1f s%n", kind, corpus, learnt,
                (System.nanoTime() - start) / 1e9);
        }
    }
}
