package org.hackablemail.core.store;

/** A plugin call's variable writes would take its owner over a quota: they were not applied. */
public class VariableQuotaExceededException extends Exception {
    public VariableQuotaExceededException(String message) {
        super("Variable quota exceeded: " + message);
    }
}
