package org.hackablemail.storage.cassandra;

/** The bundle's keyspace or tables cannot be used; the message says what to do. Thrown at start. */
public class CassandraSchemaException extends IllegalStateException {
    public CassandraSchemaException(String message) {
        super(message);
    }

    public CassandraSchemaException(String message, Throwable cause) {
        super(message, cause);
    }
}
