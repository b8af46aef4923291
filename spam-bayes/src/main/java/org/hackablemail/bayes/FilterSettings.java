package org.hackablemail.bayes;

import org.hackablemail.bayes.classify.ClassifierSettings;
import org.hackablemail.bayes.model.LayerSettings;
import org.hackablemail.bayes.tokenize.TokenizerSettings;

/** Everything that tunes a {@link BayesianFilter}. */
public record FilterSettings(TokenizerSettings tokenizing, ClassifierSettings classifying, LayerSettings layers) {
    public static final FilterSettings DEFAULT =
        new FilterSettings(TokenizerSettings.DEFAULT, ClassifierSettings.DEFAULT, LayerSettings.DEFAULT);

    public FilterSettings withClassifying(ClassifierSettings settings) {
        return new FilterSettings(tokenizing, settings, layers);
    }

    public FilterSettings withLayers(LayerSettings settings) {
        return new FilterSettings(tokenizing, classifying, settings);
    }

    public FilterSettings withTokenizing(TokenizerSettings settings) {
        return new FilterSettings(settings, classifying, layers);
    }
}
