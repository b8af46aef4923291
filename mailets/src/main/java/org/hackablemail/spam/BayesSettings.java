package org.hackablemail.spam;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.hackablemail.bayes.FilterSettings;
import org.hackablemail.bayes.autolearn.AutolearnSettings;
import org.hackablemail.bayes.model.LayerSettings;
import org.hackablemail.config.HackableMailConfiguration;
import org.hackablemail.config.StorageConfiguration;
import org.hackablemail.config.ValueParsers;
import org.hackablemail.core.Owner;

/**
 * The Bayesian filter's keys of {@code hackable-mail.properties}.
 *
 * @param filter           tokenizer, classifier and layer settings
 * @param sharedTrainers   users whose training (moves, mail to the training addresses) teaches the shared model
 *                         directly, as an administrator's does
 * @param refresh          how often a node folds training done on other nodes ({@code storage.refresh})
 * @param autolearn        autolearn of very confident verdicts (off by default)
 * @param uploadMaxBytes   largest training upload (an mbox) webadmin accepts
 * @param messagesPerSecond default pace of training tasks
 */
public record BayesSettings(FilterSettings filter, Set<Owner> sharedTrainers, Duration refresh, AutolearnSettings autolearn,
                            long uploadMaxBytes, int messagesPerSecond) {

    public static BayesSettings of(HackableMailConfiguration configuration) {
        LayerSettings defaults = LayerSettings.DEFAULT;
        configuration.retired("bayes.personal.weight", "replaced by bayes.personal.shared.strength, which means something"
            + " else: how many of a user's own messages of a class the shared model's rate is worth (default "
            + defaults.sharedStrength() + ")");
        LayerSettings layers = new LayerSettings(
            configuration.value("bayes.shared.min.reporters", String.valueOf(defaults.minReporters()), ValueParsers::positiveInt),
            configuration.value("bayes.personal.min.messages", String.valueOf(defaults.minPersonalMessages()),
                ValueParsers::positiveInt),
            configuration.value("bayes.personal.shared.strength", String.valueOf(defaults.sharedStrength()),
                ValueParsers::positiveNumber),
            configuration.value("bayes.personal.tokens.max", String.valueOf(defaults.maxPersonalTokens()),
                ValueParsers::positiveInt),
            configuration.value("bayes.personal.layers.max", String.valueOf(defaults.maxLayersInMemory()),
                ValueParsers::positiveInt));
        return new BayesSettings(
            FilterSettings.DEFAULT.withLayers(layers),
            configuration.value("bayes.shared.trainers", "", BayesSettings::owners),
            StorageConfiguration.refresh(configuration),
            autolearn(configuration),
            configuration.value("bayes.training.upload.max", "100M", ValueParsers::positiveSize),
            configuration.value("bayes.training.messages.per.second", "50", ValueParsers::positiveInt));
    }

    private static AutolearnSettings autolearn(HackableMailConfiguration configuration) {
        AutolearnSettings defaults = AutolearnSettings.OFF;
        return new AutolearnSettings(
            configuration.value("bayes.autolearn", "false", ValueParsers::bool),
            configuration.value("bayes.autolearn.spam.above", String.valueOf(defaults.spamAbove()), ValueParsers::fraction),
            configuration.value("bayes.autolearn.ham.below", String.valueOf(defaults.hamBelow()), ValueParsers::fraction),
            configuration.value("bayes.autolearn.min.messages", String.valueOf(defaults.minMessages()),
                ValueParsers::nonNegativeInt),
            configuration.value("bayes.autolearn.balance", String.valueOf(defaults.balance()), ValueParsers::fraction));
    }

    /** Whether this user's training teaches the shared model directly. */
    public boolean trainsShared(Owner user) {
        return sharedTrainers.contains(user);
    }

    private static Set<Owner> owners(String value) {
        return Arrays.stream(value.split(","))
            .map(String::trim)
            .filter(address -> !address.isEmpty())
            .map(Owner::of)
            .collect(Collectors.toUnmodifiableSet());
    }
}
