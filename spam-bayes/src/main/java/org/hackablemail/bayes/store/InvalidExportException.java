package org.hackablemail.bayes.store;

import java.io.IOException;

/** An import that is not a well-formed export: the caller's input is wrong, the store is untouched. */
public final class InvalidExportException extends IOException {
    public InvalidExportException(String message) {
        super(message);
    }
}
