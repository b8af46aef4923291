package org.hackablemail.cli.bayes;

import java.io.IOException;
import java.util.concurrent.Callable;

import org.hackablemail.bayes.BayesianFilter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code hackmail bayes stats --store DIR}. */
@Command(name = "stats",
    mixinStandardHelpOptions = true,
    description = {"Prints what the store learnt: messages and tokens per class, size, last training."},
    exitCodeOnExecutionException = 1)
public class BayesStatsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption store;

    @Override
    public Integer call() throws IOException {
        try (BayesianFilter filter = store.open()) {
            spec.commandLine().getOut().println(StoreSummary.of(filter));
        }
        return 0;
    }
}
