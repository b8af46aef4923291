package org.hackablemail.spam;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.annotation.PreDestroy;
import javax.inject.Inject;

import org.hackablemail.bayes.BayesianFilter;
import org.hackablemail.bayes.autolearn.Autolearner;
import org.hackablemail.bayes.model.ModelStatistics;
import org.hackablemail.bayes.store.BayesStore;
import org.hackablemail.bayes.store.Scope;
import org.hackablemail.bayes.store.TrainingKey;
import org.hackablemail.core.Owner;
import org.hackablemail.health.BundleComponent;
import org.hackablemail.health.ComponentHealth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bundle's one Bayesian filter, shared by the tagger, the trainer, the mailbox listener, the training tasks and the
 * webadmin routes (a Guice singleton), on the {@link BayesStore} the Guice module provides. It folds training done on
 * other nodes every {@code bayes.refresh}, reports the store to the bundle's health, and is closed when James stops.
 */
public class SpamFilter implements BundleComponent {
    /** The store's directory under the bundle's data directory, for the single-node store. */
    public static final String STORE_DIRECTORY = "bayes";
    private static final Logger LOGGER = LoggerFactory.getLogger(SpamFilter.class);
    private static final TrainingKey PROBE = TrainingKey.content(Scope.SHARED, new byte[0]);

    private final BayesianFilter filter;
    private final BayesSettings settings;
    private final Autolearner autolearner;
    private final ScheduledExecutorService refresher;

    @Inject
    public SpamFilter(BayesStore store, BayesSettings settings) {
        this.filter = new BayesianFilter(store, settings.filter());
        this.settings = settings;
        this.autolearner = new Autolearner(filter, settings.autolearn());
        this.refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "hackablemail-bayes-refresh");
            thread.setDaemon(true);
            return thread;
        });
        long period = settings.refresh().toMillis();
        refresher.scheduleWithFixedDelay(this::refresh, period, period, TimeUnit.MILLISECONDS);
    }

    public BayesianFilter filter() {
        return filter;
    }

    public BayesSettings settings() {
        return settings;
    }

    public Autolearner autolearner() {
        return autolearner;
    }

    /** Whose layer a user's training teaches: their own, or the shared model for the configured shared trainers. */
    public Scope trainingScope(Owner user) {
        return settings.trainsShared(user) ? Scope.SHARED : Scope.user(user.asString());
    }

    /** The layer a recipient's verdict is read from. */
    public static Scope recipientScope(Owner recipient) {
        return Scope.user(recipient.asString());
    }

    @Override
    public String name() {
        return "bayes";
    }

    @Override
    public ComponentHealth health() {
        try {
            filter.entry(PROBE);
            ModelStatistics statistics = filter.statistics();
            return ComponentHealth.healthy("shared model: " + statistics.spamMessages() + " spam and "
                + statistics.hamMessages() + " ham messages learnt, " + statistics.distinctTokens() + " tokens; "
                + statistics.usersWithLayers() + " users with a personal layer");
        } catch (RuntimeException e) {
            return ComponentHealth.unhealthy("the Bayes store is not readable: " + e);
        }
    }

    private void refresh() {
        try {
            filter.refresh();
        } catch (RuntimeException e) {
            LOGGER.warn("Could not fold the Bayes training of other nodes; classifying with what this node has", e);
        }
    }

    @PreDestroy
    public void close() {
        refresher.shutdownNow();
        autolearner.close();
        filter.close();
    }
}
