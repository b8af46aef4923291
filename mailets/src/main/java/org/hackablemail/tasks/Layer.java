package org.hackablemail.tasks;

import java.util.Locale;

import org.hackablemail.bayes.store.Scope;
import org.hackablemail.core.Owner;
import org.hackablemail.spam.SpamFilter;

/** Which model a training task teaches: the shared one (an administrator's training) or the mailbox owner's layer. */
public enum Layer {
    SHARED,
    PERSONAL;

    public static Layer parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'layer' must be shared or personal, got '" + value + "'");
        }
    }

    public Scope scope(SpamFilter spamFilter, Owner owner) {
        return this == SHARED ? Scope.SHARED : spamFilter.trainingScope(owner);
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
