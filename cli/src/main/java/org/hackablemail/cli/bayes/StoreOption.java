package org.hackablemail.cli.bayes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.apache.lucene.store.LockObtainFailedException;
import org.hackablemail.bayes.BayesianFilter;
import org.hackablemail.bayes.FilterSettings;

import picocli.CommandLine.Option;

/** The {@code --store DIR} option shared by the bayes subcommands. */
final class StoreOption {
    @Option(names = "--store", required = true, paramLabel = "DIR", description = "Token store directory (created when missing).")
    Path directory;

    BayesianFilter open() throws IOException {
        try {
            return BayesianFilter.open(directory, FilterSettings.DEFAULT);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof LockObtainFailedException) {
                throw new IOException(directory + " is in use (is James running on it?)", e.getCause());
            }
            throw e.getCause();
        }
    }
}
