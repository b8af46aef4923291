package org.hackablemail.storage.cassandra;

import org.hackablemail.core.store.StorageUnavailableException;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.NodeUnavailableException;
import com.datastax.oss.driver.api.core.RequestThrottlingException;
import com.datastax.oss.driver.api.core.connection.ClosedConnectionException;
import com.datastax.oss.driver.api.core.connection.HeartbeatException;
import com.datastax.oss.driver.api.core.servererrors.QueryExecutionException;

/**
 * What a driver failure means to the stores' callers. Cassandra unreachable, too slow, short of replicas or
 * overloaded: the storage is unavailable ({@link StorageUnavailableException}), which callers answer with a 503 or
 * a deferral, and which ends by itself.
 * A statement Cassandra refuses (syntax, schema, permission) is a fault of the bundle or its setup: an
 * {@link IllegalStateException}.
 *
 * <p>A compare-and-set that timed out may or may not have applied; it is reported as unavailable like the rest, and
 * the caller's retry reads what is stored before writing again.
 */
final class StorageFailures {
    private StorageFailures() {
    }

    static RuntimeException of(DriverException failure, String what) {
        if (isUnavailability(failure)) {
            return new StorageUnavailableException("Cassandra cannot " + what + " now: " + failure.getMessage(), failure);
        }
        return new IllegalStateException("Cassandra refused to " + what + ": " + failure.getMessage(), failure);
    }

    static boolean isUnavailability(DriverException failure) {
        return failure instanceof AllNodesFailedException
            || failure instanceof DriverTimeoutException
            || failure instanceof NodeUnavailableException
            || failure instanceof RequestThrottlingException
            || failure instanceof ClosedConnectionException
            || failure instanceof HeartbeatException
            || failure instanceof QueryExecutionException;
    }
}
