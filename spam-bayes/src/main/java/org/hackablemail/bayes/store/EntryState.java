package org.hackablemail.bayes.store;

import org.hackablemail.bayes.Label;

/** What a trained message currently teaches: spam, ham, or nothing any more (untrained, kept so others can fold it). */
public enum EntryState {
    SPAM,
    HAM,
    FORGOTTEN;

    public static EntryState of(Label label) {
        return label == Label.SPAM ? SPAM : HAM;
    }

    public boolean teaches() {
        return this != FORGOTTEN;
    }
}
