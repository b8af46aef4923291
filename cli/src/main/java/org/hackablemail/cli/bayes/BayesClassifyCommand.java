package org.hackablemail.cli.bayes;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.hackablemail.bayes.BayesianFilter;
import org.hackablemail.bayes.classify.Classification;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hackmail bayes classify --store DIR FILE…}: one tab-separated line per file: path, verdict, score. */
@Command(name = "classify",
    mixinStandardHelpOptions = true,
    description = {"Prints one line per message file: path, verdict (yes, no, unknown) and score, tab-separated."},
    exitCodeOnExecutionException = 1)
public class BayesClassifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption store;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Message files.")
    List<Path> files;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        try (BayesianFilter filter = store.open()) {
            for (Path file : files) {
                Classification classification = filter.classify(Files.readAllBytes(file));
                out.printf(Locale.ROOT, "%s\t%s\t%.4f%n", file, classification.verdict().headerValue(), classification.score());
            }
        }
        return 0;
    }
}
