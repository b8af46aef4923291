package org.hackablemail.cli.bayes;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.lucene.store.LockObtainFailedException;
import org.hackablemail.bayes.BayesianFilter;
import org.hackablemail.bayes.classify.ClassifierSettings;
import org.hackablemail.bayes.tokenize.TokenizerSettings;

import picocli.CommandLine.Option;

/** The {@code --store DIR} option shared by the bayes subcommands. */
final class StoreOption {
    @Option(names = "--store", required = true, paramLabel = "DIR", description = "Token store directory (created when missing).")
    Path directory;

    BayesianFilter open() throws IOException {
        try {
            return BayesianFilter.open(directory, TokenizerSettings.DEFAULT, ClassifierSettings.DEFAULT);
        } catch (LockObtainFailedException e) {
            throw new IOException(directory + " is in use (is James running on it?)", e);
        }
    }
}
