package org.hackablemail.storage.cassandra;

import com.datastax.oss.driver.api.core.AllNodesFailedException;

/** No Cassandra node answered at start, after every retry: James's start fails with the nodes and the causes. */
public class CassandraUnreachableException extends IllegalStateException {
    public CassandraUnreachableException(CassandraSettings settings, int attempts, AllNodesFailedException cause) {
        super("No Cassandra node of " + settings.nodes() + " (from " + settings.source() + ") answered after "
            + attempts + " attempt(s): " + cause.getMessage(), cause);
    }
}
