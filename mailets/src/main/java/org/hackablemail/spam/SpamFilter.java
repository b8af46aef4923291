package org.hackablemail.spam;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import javax.annotation.PreDestroy;
import javax.inject.Inject;

import org.hackablemail.bayes.BayesianFilter;
import org.hackablemail.bayes.classify.ClassifierSettings;
import org.hackablemail.bayes.store.StoreStatistics;
import org.hackablemail.bayes.tokenize.TokenizerSettings;
import org.hackablemail.health.BundleComponent;
import org.hackablemail.health.ComponentHealth;
import org.hackablemail.health.DataDirectory;

/**
 * The bundle's one Bayesian filter, on the token store in {@code <data directory>/bayes}, shared by the tagger, the
 * trainer and the webadmin routes (a Guice singleton). It reports the store's training to the bundle's health and is
 * closed when James stops.
 */
public class SpamFilter implements BundleComponent {
    public static final String STORE_DIRECTORY = "bayes";

    private final Path directory;
    private final BayesianFilter filter;

    @Inject
    public SpamFilter(DataDirectory dataDirectory) {
        this.directory = dataDirectory.path().resolve(STORE_DIRECTORY);
        try {
            this.filter = BayesianFilter.open(directory, TokenizerSettings.DEFAULT, ClassifierSettings.DEFAULT);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the Bayes token store in " + directory, e);
        }
    }

    public BayesianFilter filter() {
        return filter;
    }

    @Override
    public String name() {
        return "bayes";
    }

    @Override
    public ComponentHealth health() {
        try {
            StoreStatistics statistics = filter.store().statistics();
            return ComponentHealth.healthy(directory + ": " + statistics.totals().spamMessages() + " spam and "
                + statistics.totals().hamMessages() + " ham messages learnt, " + statistics.distinctTokens() + " tokens");
        } catch (IOException | RuntimeException e) {
            return ComponentHealth.unhealthy(directory + " is not readable: " + e);
        }
    }

    @PreDestroy
    public void close() throws IOException {
        filter.close();
    }
}
