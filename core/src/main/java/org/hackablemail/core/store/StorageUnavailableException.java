package org.hackablemail.core.store;

/**
 * A store could not be read or written: a disk error, a database that is down or too slow. Every store reports its
 * outages with this exception and nothing else, so that callers can tell "the storage failed" from "the answer is
 * no": routes answer 503 naming the cause, mail is deferred (never bounced because of it), caches keep serving what
 * they hold. The message names what could not be done; the cause is the back-end's own error.
 */
public class StorageUnavailableException extends RuntimeException {
    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
