package org.hackablemail.spam;

import java.nio.file.Path;

import org.hackablemail.bayes.store.LuceneBayesStore;
import org.hackablemail.config.HackableMailConfiguration;

/** The bundle's filter as the Guice module builds it, on a Lucene store below a test's directory. */
public final class SpamFilters {
    private SpamFilters() {
    }

    public static SpamFilter in(Path workingDirectory) {
        return in(workingDirectory, HackableMailConfiguration.defaults(workingDirectory));
    }

    public static SpamFilter in(Path workingDirectory, HackableMailConfiguration configuration) {
        return new SpamFilter(new StorageOutages(LuceneBayesStore.open(workingDirectory.resolve(SpamFilter.STORE_DIRECTORY))),
            BayesSettings.of(configuration));
    }
}
