package org.hackablemail.storage.cassandra;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Statement;
import com.datastax.oss.driver.api.core.servererrors.QueryExecutionException;

/**
 * The stores' one way to run CQL: statements prepared once, every one with the configured consistency levels
 * (regular for reads and plain writes, serial for compare-and-set), table names with the keyspace and prefix, and
 * every driver failure that means "Cassandra cannot answer now" turned into the
 * {@link org.hackablemail.core.store.StorageUnavailableException} the stores' callers understand.
 */
public final class Cql {
    private final CqlSession session;
    private final CassandraSettings settings;
    private final ConsistencyLevel consistency;
    private final ConsistencyLevel serialConsistency;
    private final ConcurrentMap<String, PreparedStatement> prepared = new ConcurrentHashMap<>();

    public Cql(CqlSession session, CassandraSettings settings) {
        this.session = session;
        this.settings = settings;
        this.consistency = DefaultConsistencyLevel.valueOf(settings.consistency());
        this.serialConsistency = DefaultConsistencyLevel.valueOf(settings.serialConsistency());
    }

    /** {@code keyspace.prefix_name}. */
    public String table(String name) {
        return settings.keyspace() + "." + settings.table(name);
    }

    /**
     * A statement bound to its values, with the consistency levels set.
     *
     * @param cql a statement whose table names came from {@link #table}
     */
    public BoundStatement bind(String cql, Object... values) {
        PreparedStatement statement;
        try {
            statement = prepared.computeIfAbsent(cql, session::prepare);
        } catch (DriverException e) {
            throw StorageFailures.of(e, "prepare a statement");
        }
        return statement.bind(values)
            .setConsistencyLevel(consistency)
            .setSerialConsistencyLevel(serialConsistency);
    }

    /**
     * A read at the serial consistency level: it sees every compare-and-set that completed, and completes one left
     * half-done by a failed writer, so that what it returns can be relied on by the next compare-and-set.
     */
    public BoundStatement bindSerialRead(String cql, Object... values) {
        return bind(cql, values).setConsistencyLevel(serialConsistency);
    }

    /**
     * Runs a statement.
     *
     * @param what what the caller was doing, for the exception's message, e.g. {@code "read the plugins of bob@…"}
     */
    public ResultSet execute(Statement<?> statement, String what) {
        try {
            return session.execute(withLevels(statement));
        } catch (DriverException e) {
            throw StorageFailures.of(e, what);
        }
    }

    /** Runs a statement without waiting; failures complete the stage as {@link #execute} would throw them. */
    public CompletionStage<AsyncResultSet> executeAsync(Statement<?> statement, String what) {
        return session.executeAsync(withLevels(statement)).handle((result, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof java.util.concurrent.CompletionException ? failure.getCause() : failure;
                throw cause instanceof DriverException driver ? StorageFailures.of(driver, what)
                    : new IllegalStateException("Cannot " + what, cause);
            }
            return result;
        });
    }

    /**
     * Waits for a stage of {@link #executeAsync}: its failure is thrown as {@link #execute} would throw it, not
     * wrapped in a {@link java.util.concurrent.CompletionException}.
     */
    public static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Runs a compare-and-set (lightweight transaction): whether it applied. */
    public boolean applied(Statement<?> statement, String what) {
        return execute(statement, what).wasApplied();
    }

    /** Whether a node answers a trivial query within the driver's request timeout. */
    public boolean reachable() {
        try {
            session.execute(withLevels(com.datastax.oss.driver.api.core.cql.SimpleStatement.newInstance(
                "SELECT release_version FROM system.local")).setConsistencyLevel(DefaultConsistencyLevel.ONE));
            return true;
        } catch (AllNodesFailedException | DriverTimeoutException | QueryExecutionException e) {
            return false;
        }
    }

    public CassandraSettings settings() {
        return settings;
    }

    private Statement<?> withLevels(Statement<?> statement) {
        Statement<?> leveled = statement.getConsistencyLevel() == null ? statement.setConsistencyLevel(consistency) : statement;
        return leveled.getSerialConsistencyLevel() == null ? leveled.setSerialConsistencyLevel(serialConsistency) : leveled;
    }
}
