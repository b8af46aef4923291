package org.hackablemail.tasks;

import java.util.Arrays;
import java.util.Locale;

import org.hackablemail.bayes.Label;

/** The {@code label} of a training request: {@code spam} or {@code ham}, in any case. */
public final class TrainingLabels {
    private TrainingLabels() {
    }

    public static Label parse(String value) {
        return Arrays.stream(Label.values())
            .filter(label -> value != null && label.name().equalsIgnoreCase(value.trim()))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("'label' must be spam or ham, got '" + value + "'"));
    }

    public static String name(Label label) {
        return label.name().toLowerCase(Locale.ROOT);
    }
}
